module @demo_mlp_step {
  func.func public @main(%arg0: tensor<4x32x32xf32> {tf.aliasing_output = 0 : i32}, %arg1: tensor<4x32xf32> {tf.aliasing_output = 1 : i32}, %arg2: tensor<2xui32>, %arg3: tensor<i32>) -> (tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<f32>) {
    %v1 = "stablehlo.convert"(%arg3) : (tensor<i32>) -> tensor<ui32>
    %v2 = "stablehlo.broadcast_in_dim"(%v1) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v3 = "stablehlo.add"(%arg2, %v2) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v4 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<2xui32>
    %v5 = "stablehlo.constant"() {value = dense<2> : tensor<ui32>} : () -> tensor<ui32>
    %v6 = "stablehlo.broadcast_in_dim"(%v5) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v7 = "stablehlo.add"(%v4, %v6) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v8 = "stablehlo.slice"(%v3) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v9 = "stablehlo.reshape"(%v8) : (tensor<1xui32>) -> tensor<ui32>
    %v10 = "stablehlo.slice"(%v3) {start_indices = array<i64: 1>, limit_indices = array<i64: 2>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<1xui32>) -> tensor<ui32>
    %v12 = "stablehlo.xor"(%v9, %v11) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v13 = "stablehlo.constant"() {value = dense<466688986> : tensor<ui32>} : () -> tensor<ui32>
    %v14 = "stablehlo.xor"(%v12, %v13) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v15 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v16 = "stablehlo.add"(%v4, %v15) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v17 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v18 = "stablehlo.add"(%v7, %v17) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v19 = "stablehlo.add"(%v16, %v18) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v20 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v22 = "stablehlo.shift_left"(%v18, %v21) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v23 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v24 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v25 = "stablehlo.shift_right_logical"(%v18, %v24) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v26 = "stablehlo.or"(%v22, %v25) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v27 = "stablehlo.xor"(%v26, %v19) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v28 = "stablehlo.add"(%v19, %v27) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v29 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v31 = "stablehlo.shift_left"(%v27, %v30) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v32 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v33 = "stablehlo.broadcast_in_dim"(%v32) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v34 = "stablehlo.shift_right_logical"(%v27, %v33) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v35 = "stablehlo.or"(%v31, %v34) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v36 = "stablehlo.xor"(%v35, %v28) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v37 = "stablehlo.add"(%v28, %v36) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v38 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v40 = "stablehlo.shift_left"(%v36, %v39) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v41 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v42 = "stablehlo.broadcast_in_dim"(%v41) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v43 = "stablehlo.shift_right_logical"(%v36, %v42) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v44 = "stablehlo.or"(%v40, %v43) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v45 = "stablehlo.xor"(%v44, %v37) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v46 = "stablehlo.add"(%v37, %v45) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v47 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v48 = "stablehlo.broadcast_in_dim"(%v47) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v49 = "stablehlo.shift_left"(%v45, %v48) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v50 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v51 = "stablehlo.broadcast_in_dim"(%v50) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v52 = "stablehlo.shift_right_logical"(%v45, %v51) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v53 = "stablehlo.or"(%v49, %v52) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v54 = "stablehlo.xor"(%v53, %v46) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v55 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v56 = "stablehlo.add"(%v46, %v55) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v57 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v58 = "stablehlo.add"(%v54, %v57) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v59 = "stablehlo.constant"() {value = dense<1> : tensor<ui32>} : () -> tensor<ui32>
    %v60 = "stablehlo.broadcast_in_dim"(%v59) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v61 = "stablehlo.add"(%v58, %v60) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v62 = "stablehlo.add"(%v56, %v61) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v63 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v64 = "stablehlo.broadcast_in_dim"(%v63) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v65 = "stablehlo.shift_left"(%v61, %v64) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v66 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v67 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v68 = "stablehlo.shift_right_logical"(%v61, %v67) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v69 = "stablehlo.or"(%v65, %v68) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v70 = "stablehlo.xor"(%v69, %v62) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v71 = "stablehlo.add"(%v62, %v70) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v72 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v74 = "stablehlo.shift_left"(%v70, %v73) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v75 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v76 = "stablehlo.broadcast_in_dim"(%v75) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v77 = "stablehlo.shift_right_logical"(%v70, %v76) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v78 = "stablehlo.or"(%v74, %v77) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v79 = "stablehlo.xor"(%v78, %v71) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v80 = "stablehlo.add"(%v71, %v79) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v81 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v83 = "stablehlo.shift_left"(%v79, %v82) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v84 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v85 = "stablehlo.broadcast_in_dim"(%v84) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v86 = "stablehlo.shift_right_logical"(%v79, %v85) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v87 = "stablehlo.or"(%v83, %v86) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v88 = "stablehlo.xor"(%v87, %v80) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v89 = "stablehlo.add"(%v80, %v88) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v90 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v92 = "stablehlo.shift_left"(%v88, %v91) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v93 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v94 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v95 = "stablehlo.shift_right_logical"(%v88, %v94) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v96 = "stablehlo.or"(%v92, %v95) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v97 = "stablehlo.xor"(%v96, %v89) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v98 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v99 = "stablehlo.add"(%v89, %v98) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v100 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v101 = "stablehlo.add"(%v97, %v100) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v102 = "stablehlo.constant"() {value = dense<2> : tensor<ui32>} : () -> tensor<ui32>
    %v103 = "stablehlo.broadcast_in_dim"(%v102) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v104 = "stablehlo.add"(%v101, %v103) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v105 = "stablehlo.add"(%v99, %v104) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v106 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v108 = "stablehlo.shift_left"(%v104, %v107) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v109 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v110 = "stablehlo.broadcast_in_dim"(%v109) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v111 = "stablehlo.shift_right_logical"(%v104, %v110) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v112 = "stablehlo.or"(%v108, %v111) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v113 = "stablehlo.xor"(%v112, %v105) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v114 = "stablehlo.add"(%v105, %v113) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v115 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v116 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v117 = "stablehlo.shift_left"(%v113, %v116) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v118 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v119 = "stablehlo.broadcast_in_dim"(%v118) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v120 = "stablehlo.shift_right_logical"(%v113, %v119) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v121 = "stablehlo.or"(%v117, %v120) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v122 = "stablehlo.xor"(%v121, %v114) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v123 = "stablehlo.add"(%v114, %v122) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v124 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v125 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v126 = "stablehlo.shift_left"(%v122, %v125) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v127 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v128 = "stablehlo.broadcast_in_dim"(%v127) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v129 = "stablehlo.shift_right_logical"(%v122, %v128) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v130 = "stablehlo.or"(%v126, %v129) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v131 = "stablehlo.xor"(%v130, %v123) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v132 = "stablehlo.add"(%v123, %v131) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v133 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v134 = "stablehlo.broadcast_in_dim"(%v133) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v135 = "stablehlo.shift_left"(%v131, %v134) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v136 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v137 = "stablehlo.broadcast_in_dim"(%v136) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v138 = "stablehlo.shift_right_logical"(%v131, %v137) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v139 = "stablehlo.or"(%v135, %v138) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v140 = "stablehlo.xor"(%v139, %v132) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v141 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v142 = "stablehlo.add"(%v132, %v141) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v143 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v144 = "stablehlo.add"(%v140, %v143) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v145 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v146 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v147 = "stablehlo.add"(%v144, %v146) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v148 = "stablehlo.add"(%v142, %v147) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v149 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v150 = "stablehlo.broadcast_in_dim"(%v149) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v151 = "stablehlo.shift_left"(%v147, %v150) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v152 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v153 = "stablehlo.broadcast_in_dim"(%v152) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v154 = "stablehlo.shift_right_logical"(%v147, %v153) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v155 = "stablehlo.or"(%v151, %v154) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v156 = "stablehlo.xor"(%v155, %v148) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v157 = "stablehlo.add"(%v148, %v156) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v158 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v159 = "stablehlo.broadcast_in_dim"(%v158) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v160 = "stablehlo.shift_left"(%v156, %v159) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v161 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v162 = "stablehlo.broadcast_in_dim"(%v161) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v163 = "stablehlo.shift_right_logical"(%v156, %v162) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v164 = "stablehlo.or"(%v160, %v163) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v165 = "stablehlo.xor"(%v164, %v157) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v166 = "stablehlo.add"(%v157, %v165) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v167 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v168 = "stablehlo.broadcast_in_dim"(%v167) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v169 = "stablehlo.shift_left"(%v165, %v168) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v170 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v171 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v172 = "stablehlo.shift_right_logical"(%v165, %v171) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v173 = "stablehlo.or"(%v169, %v172) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v174 = "stablehlo.xor"(%v173, %v166) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v175 = "stablehlo.add"(%v166, %v174) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v176 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v177 = "stablehlo.broadcast_in_dim"(%v176) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v178 = "stablehlo.shift_left"(%v174, %v177) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v179 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v180 = "stablehlo.broadcast_in_dim"(%v179) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v181 = "stablehlo.shift_right_logical"(%v174, %v180) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v182 = "stablehlo.or"(%v178, %v181) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v183 = "stablehlo.xor"(%v182, %v175) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v184 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v185 = "stablehlo.add"(%v175, %v184) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v186 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v187 = "stablehlo.add"(%v183, %v186) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v188 = "stablehlo.constant"() {value = dense<4> : tensor<ui32>} : () -> tensor<ui32>
    %v189 = "stablehlo.broadcast_in_dim"(%v188) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v190 = "stablehlo.add"(%v187, %v189) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v191 = "stablehlo.add"(%v185, %v190) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v192 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v193 = "stablehlo.broadcast_in_dim"(%v192) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v194 = "stablehlo.shift_left"(%v190, %v193) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v195 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v196 = "stablehlo.broadcast_in_dim"(%v195) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v197 = "stablehlo.shift_right_logical"(%v190, %v196) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v198 = "stablehlo.or"(%v194, %v197) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v199 = "stablehlo.xor"(%v198, %v191) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v200 = "stablehlo.add"(%v191, %v199) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v201 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v202 = "stablehlo.broadcast_in_dim"(%v201) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v203 = "stablehlo.shift_left"(%v199, %v202) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v204 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v205 = "stablehlo.broadcast_in_dim"(%v204) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v206 = "stablehlo.shift_right_logical"(%v199, %v205) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v207 = "stablehlo.or"(%v203, %v206) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v208 = "stablehlo.xor"(%v207, %v200) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v209 = "stablehlo.add"(%v200, %v208) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v210 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v211 = "stablehlo.broadcast_in_dim"(%v210) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v212 = "stablehlo.shift_left"(%v208, %v211) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v213 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v214 = "stablehlo.broadcast_in_dim"(%v213) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v215 = "stablehlo.shift_right_logical"(%v208, %v214) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v216 = "stablehlo.or"(%v212, %v215) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v217 = "stablehlo.xor"(%v216, %v209) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v218 = "stablehlo.add"(%v209, %v217) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v219 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v220 = "stablehlo.broadcast_in_dim"(%v219) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v221 = "stablehlo.shift_left"(%v217, %v220) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v222 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v223 = "stablehlo.broadcast_in_dim"(%v222) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v224 = "stablehlo.shift_right_logical"(%v217, %v223) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v225 = "stablehlo.or"(%v221, %v224) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v226 = "stablehlo.xor"(%v225, %v218) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v227 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v228 = "stablehlo.add"(%v218, %v227) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v229 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v230 = "stablehlo.add"(%v226, %v229) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v231 = "stablehlo.constant"() {value = dense<5> : tensor<ui32>} : () -> tensor<ui32>
    %v232 = "stablehlo.broadcast_in_dim"(%v231) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<2xui32>
    %v233 = "stablehlo.add"(%v230, %v232) : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xui32>
    %v234 = "stablehlo.concatenate"(%v228, %v233) {dimension = 0 : i64} : (tensor<2xui32>, tensor<2xui32>) -> tensor<4xui32>
    %v235 = "stablehlo.slice"(%v234) {start_indices = array<i64: 0>, limit_indices = array<i64: 4>, strides = array<i64: 1>} : (tensor<4xui32>) -> tensor<4xui32>
    %v236 = "stablehlo.reshape"(%v235) : (tensor<4xui32>) -> tensor<2x2xui32>
    %v237 = "stablehlo.slice"(%v236) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 2>, strides = array<i64: 1, 1>} : (tensor<2x2xui32>) -> tensor<1x2xui32>
    %v238 = "stablehlo.reshape"(%v237) : (tensor<1x2xui32>) -> tensor<2xui32>
    %v239 = "stablehlo.slice"(%v236) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, 2>, strides = array<i64: 1, 1>} : (tensor<2x2xui32>) -> tensor<1x2xui32>
    %v240 = "stablehlo.reshape"(%v239) : (tensor<1x2xui32>) -> tensor<2xui32>
    %v241 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<1024xui32>
    %v242 = "stablehlo.constant"() {value = dense<1024> : tensor<ui32>} : () -> tensor<ui32>
    %v243 = "stablehlo.broadcast_in_dim"(%v242) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v244 = "stablehlo.add"(%v241, %v243) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v245 = "stablehlo.slice"(%v238) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v246 = "stablehlo.reshape"(%v245) : (tensor<1xui32>) -> tensor<ui32>
    %v247 = "stablehlo.slice"(%v238) {start_indices = array<i64: 1>, limit_indices = array<i64: 2>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v248 = "stablehlo.reshape"(%v247) : (tensor<1xui32>) -> tensor<ui32>
    %v249 = "stablehlo.xor"(%v246, %v248) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v250 = "stablehlo.constant"() {value = dense<466688986> : tensor<ui32>} : () -> tensor<ui32>
    %v251 = "stablehlo.xor"(%v249, %v250) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v252 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v253 = "stablehlo.add"(%v241, %v252) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v254 = "stablehlo.broadcast_in_dim"(%v248) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v255 = "stablehlo.add"(%v244, %v254) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v256 = "stablehlo.add"(%v253, %v255) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v257 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v258 = "stablehlo.broadcast_in_dim"(%v257) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v259 = "stablehlo.shift_left"(%v255, %v258) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v260 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v261 = "stablehlo.broadcast_in_dim"(%v260) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v262 = "stablehlo.shift_right_logical"(%v255, %v261) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v263 = "stablehlo.or"(%v259, %v262) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v264 = "stablehlo.xor"(%v263, %v256) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v265 = "stablehlo.add"(%v256, %v264) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v266 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v267 = "stablehlo.broadcast_in_dim"(%v266) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v268 = "stablehlo.shift_left"(%v264, %v267) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v269 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v270 = "stablehlo.broadcast_in_dim"(%v269) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v271 = "stablehlo.shift_right_logical"(%v264, %v270) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v272 = "stablehlo.or"(%v268, %v271) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v273 = "stablehlo.xor"(%v272, %v265) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v274 = "stablehlo.add"(%v265, %v273) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v275 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v276 = "stablehlo.broadcast_in_dim"(%v275) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v277 = "stablehlo.shift_left"(%v273, %v276) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v278 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v279 = "stablehlo.broadcast_in_dim"(%v278) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v280 = "stablehlo.shift_right_logical"(%v273, %v279) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v281 = "stablehlo.or"(%v277, %v280) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v282 = "stablehlo.xor"(%v281, %v274) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v283 = "stablehlo.add"(%v274, %v282) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v284 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v285 = "stablehlo.broadcast_in_dim"(%v284) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v286 = "stablehlo.shift_left"(%v282, %v285) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v287 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v288 = "stablehlo.broadcast_in_dim"(%v287) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v289 = "stablehlo.shift_right_logical"(%v282, %v288) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v290 = "stablehlo.or"(%v286, %v289) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v291 = "stablehlo.xor"(%v290, %v283) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v292 = "stablehlo.broadcast_in_dim"(%v248) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v293 = "stablehlo.add"(%v283, %v292) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v294 = "stablehlo.broadcast_in_dim"(%v251) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v295 = "stablehlo.add"(%v291, %v294) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v296 = "stablehlo.constant"() {value = dense<1> : tensor<ui32>} : () -> tensor<ui32>
    %v297 = "stablehlo.broadcast_in_dim"(%v296) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v298 = "stablehlo.add"(%v295, %v297) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v299 = "stablehlo.add"(%v293, %v298) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v300 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v301 = "stablehlo.broadcast_in_dim"(%v300) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v302 = "stablehlo.shift_left"(%v298, %v301) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v303 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v304 = "stablehlo.broadcast_in_dim"(%v303) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v305 = "stablehlo.shift_right_logical"(%v298, %v304) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v306 = "stablehlo.or"(%v302, %v305) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v307 = "stablehlo.xor"(%v306, %v299) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v308 = "stablehlo.add"(%v299, %v307) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v309 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v310 = "stablehlo.broadcast_in_dim"(%v309) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v311 = "stablehlo.shift_left"(%v307, %v310) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v312 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v313 = "stablehlo.broadcast_in_dim"(%v312) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v314 = "stablehlo.shift_right_logical"(%v307, %v313) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v315 = "stablehlo.or"(%v311, %v314) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v316 = "stablehlo.xor"(%v315, %v308) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v317 = "stablehlo.add"(%v308, %v316) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v318 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v319 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v320 = "stablehlo.shift_left"(%v316, %v319) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v321 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v322 = "stablehlo.broadcast_in_dim"(%v321) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v323 = "stablehlo.shift_right_logical"(%v316, %v322) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v324 = "stablehlo.or"(%v320, %v323) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v325 = "stablehlo.xor"(%v324, %v317) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v326 = "stablehlo.add"(%v317, %v325) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v327 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v328 = "stablehlo.broadcast_in_dim"(%v327) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v329 = "stablehlo.shift_left"(%v325, %v328) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v330 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v331 = "stablehlo.broadcast_in_dim"(%v330) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v332 = "stablehlo.shift_right_logical"(%v325, %v331) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v333 = "stablehlo.or"(%v329, %v332) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v334 = "stablehlo.xor"(%v333, %v326) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v335 = "stablehlo.broadcast_in_dim"(%v251) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v336 = "stablehlo.add"(%v326, %v335) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v337 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v338 = "stablehlo.add"(%v334, %v337) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v339 = "stablehlo.constant"() {value = dense<2> : tensor<ui32>} : () -> tensor<ui32>
    %v340 = "stablehlo.broadcast_in_dim"(%v339) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v341 = "stablehlo.add"(%v338, %v340) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v342 = "stablehlo.add"(%v336, %v341) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v343 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v344 = "stablehlo.broadcast_in_dim"(%v343) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v345 = "stablehlo.shift_left"(%v341, %v344) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v346 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v347 = "stablehlo.broadcast_in_dim"(%v346) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v348 = "stablehlo.shift_right_logical"(%v341, %v347) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v349 = "stablehlo.or"(%v345, %v348) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v350 = "stablehlo.xor"(%v349, %v342) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v351 = "stablehlo.add"(%v342, %v350) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v352 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v353 = "stablehlo.broadcast_in_dim"(%v352) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v354 = "stablehlo.shift_left"(%v350, %v353) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v355 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v356 = "stablehlo.broadcast_in_dim"(%v355) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v357 = "stablehlo.shift_right_logical"(%v350, %v356) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v358 = "stablehlo.or"(%v354, %v357) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v359 = "stablehlo.xor"(%v358, %v351) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v360 = "stablehlo.add"(%v351, %v359) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v361 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v362 = "stablehlo.broadcast_in_dim"(%v361) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v363 = "stablehlo.shift_left"(%v359, %v362) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v364 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v365 = "stablehlo.broadcast_in_dim"(%v364) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v366 = "stablehlo.shift_right_logical"(%v359, %v365) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v367 = "stablehlo.or"(%v363, %v366) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v368 = "stablehlo.xor"(%v367, %v360) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v369 = "stablehlo.add"(%v360, %v368) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v370 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v371 = "stablehlo.broadcast_in_dim"(%v370) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v372 = "stablehlo.shift_left"(%v368, %v371) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v373 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v374 = "stablehlo.broadcast_in_dim"(%v373) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v375 = "stablehlo.shift_right_logical"(%v368, %v374) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v376 = "stablehlo.or"(%v372, %v375) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v377 = "stablehlo.xor"(%v376, %v369) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v378 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v379 = "stablehlo.add"(%v369, %v378) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v380 = "stablehlo.broadcast_in_dim"(%v248) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v381 = "stablehlo.add"(%v377, %v380) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v382 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v383 = "stablehlo.broadcast_in_dim"(%v382) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v384 = "stablehlo.add"(%v381, %v383) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v385 = "stablehlo.add"(%v379, %v384) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v386 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v387 = "stablehlo.broadcast_in_dim"(%v386) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v388 = "stablehlo.shift_left"(%v384, %v387) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v389 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v390 = "stablehlo.broadcast_in_dim"(%v389) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v391 = "stablehlo.shift_right_logical"(%v384, %v390) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v392 = "stablehlo.or"(%v388, %v391) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v393 = "stablehlo.xor"(%v392, %v385) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v394 = "stablehlo.add"(%v385, %v393) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v395 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v396 = "stablehlo.broadcast_in_dim"(%v395) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v397 = "stablehlo.shift_left"(%v393, %v396) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v398 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v399 = "stablehlo.broadcast_in_dim"(%v398) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v400 = "stablehlo.shift_right_logical"(%v393, %v399) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v401 = "stablehlo.or"(%v397, %v400) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v402 = "stablehlo.xor"(%v401, %v394) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v403 = "stablehlo.add"(%v394, %v402) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v404 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v405 = "stablehlo.broadcast_in_dim"(%v404) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v406 = "stablehlo.shift_left"(%v402, %v405) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v407 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v408 = "stablehlo.broadcast_in_dim"(%v407) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v409 = "stablehlo.shift_right_logical"(%v402, %v408) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v410 = "stablehlo.or"(%v406, %v409) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v411 = "stablehlo.xor"(%v410, %v403) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v412 = "stablehlo.add"(%v403, %v411) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v413 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v414 = "stablehlo.broadcast_in_dim"(%v413) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v415 = "stablehlo.shift_left"(%v411, %v414) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v416 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v417 = "stablehlo.broadcast_in_dim"(%v416) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v418 = "stablehlo.shift_right_logical"(%v411, %v417) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v419 = "stablehlo.or"(%v415, %v418) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v420 = "stablehlo.xor"(%v419, %v412) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v421 = "stablehlo.broadcast_in_dim"(%v248) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v422 = "stablehlo.add"(%v412, %v421) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v423 = "stablehlo.broadcast_in_dim"(%v251) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v424 = "stablehlo.add"(%v420, %v423) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v425 = "stablehlo.constant"() {value = dense<4> : tensor<ui32>} : () -> tensor<ui32>
    %v426 = "stablehlo.broadcast_in_dim"(%v425) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v427 = "stablehlo.add"(%v424, %v426) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v428 = "stablehlo.add"(%v422, %v427) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v429 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v430 = "stablehlo.broadcast_in_dim"(%v429) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v431 = "stablehlo.shift_left"(%v427, %v430) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v432 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v433 = "stablehlo.broadcast_in_dim"(%v432) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v434 = "stablehlo.shift_right_logical"(%v427, %v433) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v435 = "stablehlo.or"(%v431, %v434) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v436 = "stablehlo.xor"(%v435, %v428) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v437 = "stablehlo.add"(%v428, %v436) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v438 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v439 = "stablehlo.broadcast_in_dim"(%v438) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v440 = "stablehlo.shift_left"(%v436, %v439) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v441 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v442 = "stablehlo.broadcast_in_dim"(%v441) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v443 = "stablehlo.shift_right_logical"(%v436, %v442) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v444 = "stablehlo.or"(%v440, %v443) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v445 = "stablehlo.xor"(%v444, %v437) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v446 = "stablehlo.add"(%v437, %v445) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v447 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v448 = "stablehlo.broadcast_in_dim"(%v447) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v449 = "stablehlo.shift_left"(%v445, %v448) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v450 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v451 = "stablehlo.broadcast_in_dim"(%v450) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v452 = "stablehlo.shift_right_logical"(%v445, %v451) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v453 = "stablehlo.or"(%v449, %v452) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v454 = "stablehlo.xor"(%v453, %v446) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v455 = "stablehlo.add"(%v446, %v454) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v456 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v457 = "stablehlo.broadcast_in_dim"(%v456) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v458 = "stablehlo.shift_left"(%v454, %v457) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v459 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v460 = "stablehlo.broadcast_in_dim"(%v459) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v461 = "stablehlo.shift_right_logical"(%v454, %v460) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v462 = "stablehlo.or"(%v458, %v461) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v463 = "stablehlo.xor"(%v462, %v455) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v464 = "stablehlo.broadcast_in_dim"(%v251) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v465 = "stablehlo.add"(%v455, %v464) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v466 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v467 = "stablehlo.add"(%v463, %v466) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v468 = "stablehlo.constant"() {value = dense<5> : tensor<ui32>} : () -> tensor<ui32>
    %v469 = "stablehlo.broadcast_in_dim"(%v468) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v470 = "stablehlo.add"(%v467, %v469) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v471 = "stablehlo.concatenate"(%v465, %v470) {dimension = 0 : i64} : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<2048xui32>
    %v472 = "stablehlo.slice"(%v471) {start_indices = array<i64: 0>, limit_indices = array<i64: 2048>, strides = array<i64: 1>} : (tensor<2048xui32>) -> tensor<2048xui32>
    %v473 = "stablehlo.slice"(%v472) {start_indices = array<i64: 0>, limit_indices = array<i64: 2048>, strides = array<i64: 1>} : (tensor<2048xui32>) -> tensor<2048xui32>
    %v474 = "stablehlo.reshape"(%v473) : (tensor<2048xui32>) -> tensor<64x32xui32>
    %v475 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v476 = "stablehlo.broadcast_in_dim"(%v475) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<64x32xui32>
    %v477 = "stablehlo.shift_right_logical"(%v474, %v476) : (tensor<64x32xui32>, tensor<64x32xui32>) -> tensor<64x32xui32>
    %v478 = "stablehlo.convert"(%v477) : (tensor<64x32xui32>) -> tensor<64x32xf32>
    %v479 = "stablehlo.constant"() {value = dense<0x33800000> : tensor<f32>} : () -> tensor<f32>
    %v480 = "stablehlo.broadcast_in_dim"(%v479) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v481 = "stablehlo.multiply"(%v478, %v480) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v482 = "stablehlo.negate"(%v481) : (tensor<64x32xf32>) -> tensor<64x32xf32>
    %v483 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v484 = "stablehlo.broadcast_in_dim"(%v483) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v485 = "stablehlo.add"(%v482, %v484) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v486 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<1024xui32>
    %v487 = "stablehlo.constant"() {value = dense<1024> : tensor<ui32>} : () -> tensor<ui32>
    %v488 = "stablehlo.broadcast_in_dim"(%v487) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v489 = "stablehlo.add"(%v486, %v488) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v490 = "stablehlo.slice"(%v240) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v491 = "stablehlo.reshape"(%v490) : (tensor<1xui32>) -> tensor<ui32>
    %v492 = "stablehlo.slice"(%v240) {start_indices = array<i64: 1>, limit_indices = array<i64: 2>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v493 = "stablehlo.reshape"(%v492) : (tensor<1xui32>) -> tensor<ui32>
    %v494 = "stablehlo.xor"(%v491, %v493) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v495 = "stablehlo.constant"() {value = dense<466688986> : tensor<ui32>} : () -> tensor<ui32>
    %v496 = "stablehlo.xor"(%v494, %v495) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v497 = "stablehlo.broadcast_in_dim"(%v491) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v498 = "stablehlo.add"(%v486, %v497) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v499 = "stablehlo.broadcast_in_dim"(%v493) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v500 = "stablehlo.add"(%v489, %v499) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v501 = "stablehlo.add"(%v498, %v500) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v502 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v503 = "stablehlo.broadcast_in_dim"(%v502) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v504 = "stablehlo.shift_left"(%v500, %v503) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v505 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v506 = "stablehlo.broadcast_in_dim"(%v505) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v507 = "stablehlo.shift_right_logical"(%v500, %v506) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v508 = "stablehlo.or"(%v504, %v507) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v509 = "stablehlo.xor"(%v508, %v501) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v510 = "stablehlo.add"(%v501, %v509) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v511 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v512 = "stablehlo.broadcast_in_dim"(%v511) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v513 = "stablehlo.shift_left"(%v509, %v512) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v514 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v515 = "stablehlo.broadcast_in_dim"(%v514) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v516 = "stablehlo.shift_right_logical"(%v509, %v515) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v517 = "stablehlo.or"(%v513, %v516) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v518 = "stablehlo.xor"(%v517, %v510) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v519 = "stablehlo.add"(%v510, %v518) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v520 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v521 = "stablehlo.broadcast_in_dim"(%v520) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v522 = "stablehlo.shift_left"(%v518, %v521) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v523 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v524 = "stablehlo.broadcast_in_dim"(%v523) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v525 = "stablehlo.shift_right_logical"(%v518, %v524) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v526 = "stablehlo.or"(%v522, %v525) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v527 = "stablehlo.xor"(%v526, %v519) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v528 = "stablehlo.add"(%v519, %v527) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v529 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v530 = "stablehlo.broadcast_in_dim"(%v529) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v531 = "stablehlo.shift_left"(%v527, %v530) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v532 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v533 = "stablehlo.broadcast_in_dim"(%v532) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v534 = "stablehlo.shift_right_logical"(%v527, %v533) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v535 = "stablehlo.or"(%v531, %v534) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v536 = "stablehlo.xor"(%v535, %v528) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v537 = "stablehlo.broadcast_in_dim"(%v493) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v538 = "stablehlo.add"(%v528, %v537) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v539 = "stablehlo.broadcast_in_dim"(%v496) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v540 = "stablehlo.add"(%v536, %v539) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v541 = "stablehlo.constant"() {value = dense<1> : tensor<ui32>} : () -> tensor<ui32>
    %v542 = "stablehlo.broadcast_in_dim"(%v541) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v543 = "stablehlo.add"(%v540, %v542) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v544 = "stablehlo.add"(%v538, %v543) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v545 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v546 = "stablehlo.broadcast_in_dim"(%v545) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v547 = "stablehlo.shift_left"(%v543, %v546) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v548 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v549 = "stablehlo.broadcast_in_dim"(%v548) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v550 = "stablehlo.shift_right_logical"(%v543, %v549) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v551 = "stablehlo.or"(%v547, %v550) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v552 = "stablehlo.xor"(%v551, %v544) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v553 = "stablehlo.add"(%v544, %v552) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v554 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v555 = "stablehlo.broadcast_in_dim"(%v554) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v556 = "stablehlo.shift_left"(%v552, %v555) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v557 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v558 = "stablehlo.broadcast_in_dim"(%v557) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v559 = "stablehlo.shift_right_logical"(%v552, %v558) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v560 = "stablehlo.or"(%v556, %v559) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v561 = "stablehlo.xor"(%v560, %v553) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v562 = "stablehlo.add"(%v553, %v561) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v563 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v564 = "stablehlo.broadcast_in_dim"(%v563) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v565 = "stablehlo.shift_left"(%v561, %v564) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v566 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v567 = "stablehlo.broadcast_in_dim"(%v566) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v568 = "stablehlo.shift_right_logical"(%v561, %v567) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v569 = "stablehlo.or"(%v565, %v568) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v570 = "stablehlo.xor"(%v569, %v562) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v571 = "stablehlo.add"(%v562, %v570) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v572 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v573 = "stablehlo.broadcast_in_dim"(%v572) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v574 = "stablehlo.shift_left"(%v570, %v573) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v575 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v576 = "stablehlo.broadcast_in_dim"(%v575) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v577 = "stablehlo.shift_right_logical"(%v570, %v576) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v578 = "stablehlo.or"(%v574, %v577) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v579 = "stablehlo.xor"(%v578, %v571) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v580 = "stablehlo.broadcast_in_dim"(%v496) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v581 = "stablehlo.add"(%v571, %v580) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v582 = "stablehlo.broadcast_in_dim"(%v491) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v583 = "stablehlo.add"(%v579, %v582) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v584 = "stablehlo.constant"() {value = dense<2> : tensor<ui32>} : () -> tensor<ui32>
    %v585 = "stablehlo.broadcast_in_dim"(%v584) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v586 = "stablehlo.add"(%v583, %v585) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v587 = "stablehlo.add"(%v581, %v586) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v588 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v589 = "stablehlo.broadcast_in_dim"(%v588) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v590 = "stablehlo.shift_left"(%v586, %v589) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v591 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v592 = "stablehlo.broadcast_in_dim"(%v591) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v593 = "stablehlo.shift_right_logical"(%v586, %v592) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v594 = "stablehlo.or"(%v590, %v593) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v595 = "stablehlo.xor"(%v594, %v587) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v596 = "stablehlo.add"(%v587, %v595) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v597 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v598 = "stablehlo.broadcast_in_dim"(%v597) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v599 = "stablehlo.shift_left"(%v595, %v598) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v600 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v601 = "stablehlo.broadcast_in_dim"(%v600) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v602 = "stablehlo.shift_right_logical"(%v595, %v601) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v603 = "stablehlo.or"(%v599, %v602) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v604 = "stablehlo.xor"(%v603, %v596) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v605 = "stablehlo.add"(%v596, %v604) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v606 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v607 = "stablehlo.broadcast_in_dim"(%v606) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v608 = "stablehlo.shift_left"(%v604, %v607) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v609 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v610 = "stablehlo.broadcast_in_dim"(%v609) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v611 = "stablehlo.shift_right_logical"(%v604, %v610) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v612 = "stablehlo.or"(%v608, %v611) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v613 = "stablehlo.xor"(%v612, %v605) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v614 = "stablehlo.add"(%v605, %v613) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v615 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v616 = "stablehlo.broadcast_in_dim"(%v615) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v617 = "stablehlo.shift_left"(%v613, %v616) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v618 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v619 = "stablehlo.broadcast_in_dim"(%v618) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v620 = "stablehlo.shift_right_logical"(%v613, %v619) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v621 = "stablehlo.or"(%v617, %v620) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v622 = "stablehlo.xor"(%v621, %v614) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v623 = "stablehlo.broadcast_in_dim"(%v491) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v624 = "stablehlo.add"(%v614, %v623) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v625 = "stablehlo.broadcast_in_dim"(%v493) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v626 = "stablehlo.add"(%v622, %v625) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v627 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v628 = "stablehlo.broadcast_in_dim"(%v627) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v629 = "stablehlo.add"(%v626, %v628) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v630 = "stablehlo.add"(%v624, %v629) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v631 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v632 = "stablehlo.broadcast_in_dim"(%v631) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v633 = "stablehlo.shift_left"(%v629, %v632) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v634 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v635 = "stablehlo.broadcast_in_dim"(%v634) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v636 = "stablehlo.shift_right_logical"(%v629, %v635) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v637 = "stablehlo.or"(%v633, %v636) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v638 = "stablehlo.xor"(%v637, %v630) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v639 = "stablehlo.add"(%v630, %v638) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v640 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v641 = "stablehlo.broadcast_in_dim"(%v640) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v642 = "stablehlo.shift_left"(%v638, %v641) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v643 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v644 = "stablehlo.broadcast_in_dim"(%v643) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v645 = "stablehlo.shift_right_logical"(%v638, %v644) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v646 = "stablehlo.or"(%v642, %v645) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v647 = "stablehlo.xor"(%v646, %v639) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v648 = "stablehlo.add"(%v639, %v647) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v649 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v650 = "stablehlo.broadcast_in_dim"(%v649) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v651 = "stablehlo.shift_left"(%v647, %v650) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v652 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v653 = "stablehlo.broadcast_in_dim"(%v652) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v654 = "stablehlo.shift_right_logical"(%v647, %v653) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v655 = "stablehlo.or"(%v651, %v654) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v656 = "stablehlo.xor"(%v655, %v648) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v657 = "stablehlo.add"(%v648, %v656) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v658 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v659 = "stablehlo.broadcast_in_dim"(%v658) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v660 = "stablehlo.shift_left"(%v656, %v659) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v661 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v662 = "stablehlo.broadcast_in_dim"(%v661) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v663 = "stablehlo.shift_right_logical"(%v656, %v662) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v664 = "stablehlo.or"(%v660, %v663) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v665 = "stablehlo.xor"(%v664, %v657) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v666 = "stablehlo.broadcast_in_dim"(%v493) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v667 = "stablehlo.add"(%v657, %v666) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v668 = "stablehlo.broadcast_in_dim"(%v496) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v669 = "stablehlo.add"(%v665, %v668) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v670 = "stablehlo.constant"() {value = dense<4> : tensor<ui32>} : () -> tensor<ui32>
    %v671 = "stablehlo.broadcast_in_dim"(%v670) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v672 = "stablehlo.add"(%v669, %v671) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v673 = "stablehlo.add"(%v667, %v672) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v674 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v675 = "stablehlo.broadcast_in_dim"(%v674) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v676 = "stablehlo.shift_left"(%v672, %v675) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v677 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v678 = "stablehlo.broadcast_in_dim"(%v677) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v679 = "stablehlo.shift_right_logical"(%v672, %v678) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v680 = "stablehlo.or"(%v676, %v679) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v681 = "stablehlo.xor"(%v680, %v673) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v682 = "stablehlo.add"(%v673, %v681) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v683 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v684 = "stablehlo.broadcast_in_dim"(%v683) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v685 = "stablehlo.shift_left"(%v681, %v684) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v686 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v687 = "stablehlo.broadcast_in_dim"(%v686) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v688 = "stablehlo.shift_right_logical"(%v681, %v687) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v689 = "stablehlo.or"(%v685, %v688) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v690 = "stablehlo.xor"(%v689, %v682) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v691 = "stablehlo.add"(%v682, %v690) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v692 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v693 = "stablehlo.broadcast_in_dim"(%v692) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v694 = "stablehlo.shift_left"(%v690, %v693) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v695 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v696 = "stablehlo.broadcast_in_dim"(%v695) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v697 = "stablehlo.shift_right_logical"(%v690, %v696) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v698 = "stablehlo.or"(%v694, %v697) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v699 = "stablehlo.xor"(%v698, %v691) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v700 = "stablehlo.add"(%v691, %v699) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v701 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v702 = "stablehlo.broadcast_in_dim"(%v701) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v703 = "stablehlo.shift_left"(%v699, %v702) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v704 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v705 = "stablehlo.broadcast_in_dim"(%v704) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v706 = "stablehlo.shift_right_logical"(%v699, %v705) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v707 = "stablehlo.or"(%v703, %v706) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v708 = "stablehlo.xor"(%v707, %v700) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v709 = "stablehlo.broadcast_in_dim"(%v496) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v710 = "stablehlo.add"(%v700, %v709) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v711 = "stablehlo.broadcast_in_dim"(%v491) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v712 = "stablehlo.add"(%v708, %v711) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v713 = "stablehlo.constant"() {value = dense<5> : tensor<ui32>} : () -> tensor<ui32>
    %v714 = "stablehlo.broadcast_in_dim"(%v713) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<1024xui32>
    %v715 = "stablehlo.add"(%v712, %v714) : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<1024xui32>
    %v716 = "stablehlo.concatenate"(%v710, %v715) {dimension = 0 : i64} : (tensor<1024xui32>, tensor<1024xui32>) -> tensor<2048xui32>
    %v717 = "stablehlo.slice"(%v716) {start_indices = array<i64: 0>, limit_indices = array<i64: 2048>, strides = array<i64: 1>} : (tensor<2048xui32>) -> tensor<2048xui32>
    %v718 = "stablehlo.slice"(%v717) {start_indices = array<i64: 0>, limit_indices = array<i64: 2048>, strides = array<i64: 1>} : (tensor<2048xui32>) -> tensor<2048xui32>
    %v719 = "stablehlo.reshape"(%v718) : (tensor<2048xui32>) -> tensor<64x32xui32>
    %v720 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v721 = "stablehlo.broadcast_in_dim"(%v720) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<64x32xui32>
    %v722 = "stablehlo.shift_right_logical"(%v719, %v721) : (tensor<64x32xui32>, tensor<64x32xui32>) -> tensor<64x32xui32>
    %v723 = "stablehlo.convert"(%v722) : (tensor<64x32xui32>) -> tensor<64x32xf32>
    %v724 = "stablehlo.constant"() {value = dense<0x33800000> : tensor<f32>} : () -> tensor<f32>
    %v725 = "stablehlo.broadcast_in_dim"(%v724) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v726 = "stablehlo.multiply"(%v723, %v725) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v727 = "stablehlo.log"(%v485) : (tensor<64x32xf32>) -> tensor<64x32xf32>
    %v728 = "stablehlo.constant"() {value = dense<0xC0000000> : tensor<f32>} : () -> tensor<f32>
    %v729 = "stablehlo.broadcast_in_dim"(%v728) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v730 = "stablehlo.multiply"(%v727, %v729) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v731 = "stablehlo.sqrt"(%v730) : (tensor<64x32xf32>) -> tensor<64x32xf32>
    %v732 = "stablehlo.constant"() {value = dense<0x40C90FDB> : tensor<f32>} : () -> tensor<f32>
    %v733 = "stablehlo.broadcast_in_dim"(%v732) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v734 = "stablehlo.multiply"(%v726, %v733) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v735 = "stablehlo.cosine"(%v734) : (tensor<64x32xf32>) -> tensor<64x32xf32>
    %v736 = "stablehlo.multiply"(%v731, %v735) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v737 = "stablehlo.constant"() {value = dense<0x3FC00000> : tensor<f32>} : () -> tensor<f32>
    %v738 = "stablehlo.broadcast_in_dim"(%v737) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v739 = "stablehlo.multiply"(%v736, %v738) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v740 = "stablehlo.sine"(%v739) : (tensor<64x32xf32>) -> tensor<64x32xf32>
    %v741 = "stablehlo.slice"(%v736) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 64, 1>, strides = array<i64: 1, 1>} : (tensor<64x32xf32>) -> tensor<64x1xf32>
    %v742 = "stablehlo.tanh"(%v741) : (tensor<64x1xf32>) -> tensor<64x1xf32>
    %v743 = "stablehlo.broadcast_in_dim"(%v742) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<64x1xf32>) -> tensor<64x32xf32>
    %v744 = "stablehlo.add"(%v740, %v743) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v745 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v746 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x64x32xf32>} : () -> tensor<4x64x32xf32>
    %v747:5 = "stablehlo.while"(%v745, %v736, %arg0, %arg1, %v746) ({
      ^bb0(%v748: tensor<i32>, %v749: tensor<64x32xf32>, %v750: tensor<4x32x32xf32>, %v751: tensor<4x32xf32>, %v752: tensor<4x64x32xf32>):
        %v753 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
        %v754 = "stablehlo.compare"(%v748, %v753) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v754) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v755: tensor<i32>, %v756: tensor<64x32xf32>, %v757: tensor<4x32x32xf32>, %v758: tensor<4x32xf32>, %v759: tensor<4x64x32xf32>):
        %v760 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v761 = "stablehlo.dynamic_slice"(%v757, %v755, %v760, %v760) {slice_sizes = array<i64: 1, 32, 32>} : (tensor<4x32x32xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x32xf32>
        %v762 = "stablehlo.reshape"(%v761) : (tensor<1x32x32xf32>) -> tensor<32x32xf32>
        %v763 = "stablehlo.dynamic_slice"(%v758, %v755, %v760) {slice_sizes = array<i64: 1, 32>} : (tensor<4x32xf32>, tensor<i32>, tensor<i32>) -> tensor<1x32xf32>
        %v764 = "stablehlo.reshape"(%v763) : (tensor<1x32xf32>) -> tensor<32xf32>
        %v765 = "stablehlo.dot_general"(%v756, %v762) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<64x32xf32>, tensor<32x32xf32>) -> tensor<64x32xf32>
        %v766 = "stablehlo.broadcast_in_dim"(%v764) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<64x32xf32>
        %v767 = "stablehlo.add"(%v765, %v766) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v768 = "stablehlo.tanh"(%v767) : (tensor<64x32xf32>) -> tensor<64x32xf32>
        %v769 = "stablehlo.add"(%v756, %v768) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v770 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v771 = "stablehlo.add"(%v755, %v770) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v772 = "stablehlo.reshape"(%v756) : (tensor<64x32xf32>) -> tensor<1x64x32xf32>
        %v773 = "stablehlo.dynamic_update_slice"(%v759, %v772, %v755, %v760, %v760) : (tensor<4x64x32xf32>, tensor<1x64x32xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<4x64x32xf32>
        "stablehlo.return"(%v771, %v769, %v757, %v758, %v773) : (tensor<i32>, tensor<64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x64x32xf32>) -> ()
    }) : (tensor<i32>, tensor<64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x64x32xf32>) -> (tensor<i32>, tensor<64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x64x32xf32>)
    %v774 = "stablehlo.subtract"(%v747#1, %v744) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v775 = "stablehlo.multiply"(%v774, %v774) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v776 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v780 = "stablehlo.reduce"(%v775, %v776) ({
      ^bb0(%v777: tensor<f32>, %v778: tensor<f32>):
        %v779 = "stablehlo.add"(%v777, %v778) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v779) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<64x32xf32>, tensor<f32>) -> tensor<f32>
    %v781 = "stablehlo.constant"() {value = dense<0x45000000> : tensor<f32>} : () -> tensor<f32>
    %v782 = "stablehlo.divide"(%v780, %v781) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v783 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v784 = "stablehlo.divide"(%v783, %v781) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v785 = "stablehlo.broadcast_in_dim"(%v784) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
    %v786 = "stablehlo.multiply"(%v785, %v774) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v787 = "stablehlo.multiply"(%v785, %v774) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v788 = "stablehlo.add"(%v786, %v787) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
    %v789 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v790 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x32x32xf32>} : () -> tensor<4x32x32xf32>
    %v791 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x32xf32>} : () -> tensor<4x32xf32>
    %v792:7 = "stablehlo.while"(%v789, %v788, %v747#4, %arg0, %arg1, %v790, %v791) ({
      ^bb0(%v793: tensor<i32>, %v794: tensor<64x32xf32>, %v795: tensor<4x64x32xf32>, %v796: tensor<4x32x32xf32>, %v797: tensor<4x32xf32>, %v798: tensor<4x32x32xf32>, %v799: tensor<4x32xf32>):
        %v800 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
        %v801 = "stablehlo.compare"(%v793, %v800) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v801) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v802: tensor<i32>, %v803: tensor<64x32xf32>, %v804: tensor<4x64x32xf32>, %v805: tensor<4x32x32xf32>, %v806: tensor<4x32xf32>, %v807: tensor<4x32x32xf32>, %v808: tensor<4x32xf32>):
        %v809 = "stablehlo.constant"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
        %v810 = "stablehlo.subtract"(%v809, %v802) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v811 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v812 = "stablehlo.dynamic_slice"(%v804, %v810, %v811, %v811) {slice_sizes = array<i64: 1, 64, 32>} : (tensor<4x64x32xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x32xf32>
        %v813 = "stablehlo.reshape"(%v812) : (tensor<1x64x32xf32>) -> tensor<64x32xf32>
        %v814 = "stablehlo.dynamic_slice"(%v805, %v810, %v811, %v811) {slice_sizes = array<i64: 1, 32, 32>} : (tensor<4x32x32xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x32xf32>
        %v815 = "stablehlo.reshape"(%v814) : (tensor<1x32x32xf32>) -> tensor<32x32xf32>
        %v816 = "stablehlo.dynamic_slice"(%v806, %v810, %v811) {slice_sizes = array<i64: 1, 32>} : (tensor<4x32xf32>, tensor<i32>, tensor<i32>) -> tensor<1x32xf32>
        %v817 = "stablehlo.reshape"(%v816) : (tensor<1x32xf32>) -> tensor<32xf32>
        %v818 = "stablehlo.dot_general"(%v813, %v815) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<64x32xf32>, tensor<32x32xf32>) -> tensor<64x32xf32>
        %v819 = "stablehlo.broadcast_in_dim"(%v817) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<64x32xf32>
        %v820 = "stablehlo.add"(%v818, %v819) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v821 = "stablehlo.tanh"(%v820) : (tensor<64x32xf32>) -> tensor<64x32xf32>
        %v822 = "stablehlo.multiply"(%v821, %v821) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v823 = "stablehlo.negate"(%v822) : (tensor<64x32xf32>) -> tensor<64x32xf32>
        %v824 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v825 = "stablehlo.broadcast_in_dim"(%v824) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x32xf32>
        %v826 = "stablehlo.add"(%v823, %v825) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v827 = "stablehlo.multiply"(%v803, %v826) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v828 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v832 = "stablehlo.reduce"(%v827, %v828) ({
          ^bb0(%v829: tensor<f32>, %v830: tensor<f32>):
            %v831 = "stablehlo.add"(%v829, %v830) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v831) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0>} : (tensor<64x32xf32>, tensor<f32>) -> tensor<32xf32>
        %v833 = "stablehlo.dot_general"(%v827, %v815) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<64x32xf32>, tensor<32x32xf32>) -> tensor<64x32xf32>
        %v834 = "stablehlo.dot_general"(%v827, %v813) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<32x32xf32>
        %v835 = "stablehlo.add"(%v803, %v833) : (tensor<64x32xf32>, tensor<64x32xf32>) -> tensor<64x32xf32>
        %v836 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v837 = "stablehlo.add"(%v802, %v836) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v838 = "stablehlo.reshape"(%v834) : (tensor<32x32xf32>) -> tensor<1x32x32xf32>
        %v839 = "stablehlo.dynamic_update_slice"(%v807, %v838, %v810, %v811, %v811) : (tensor<4x32x32xf32>, tensor<1x32x32xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<4x32x32xf32>
        %v840 = "stablehlo.reshape"(%v832) : (tensor<32xf32>) -> tensor<1x32xf32>
        %v841 = "stablehlo.dynamic_update_slice"(%v808, %v840, %v810, %v811) : (tensor<4x32xf32>, tensor<1x32xf32>, tensor<i32>, tensor<i32>) -> tensor<4x32xf32>
        "stablehlo.return"(%v837, %v835, %v804, %v805, %v806, %v839, %v841) : (tensor<i32>, tensor<64x32xf32>, tensor<4x64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>) -> ()
    }) : (tensor<i32>, tensor<64x32xf32>, tensor<4x64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>) -> (tensor<i32>, tensor<64x32xf32>, tensor<4x64x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<4x32x32xf32>, tensor<4x32xf32>)
    %v842 = "stablehlo.constant"() {value = dense<0x3D4CCCCD> : tensor<f32>} : () -> tensor<f32>
    %v843 = "stablehlo.broadcast_in_dim"(%v842) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x32x32xf32>
    %v844 = "stablehlo.multiply"(%v792#5, %v843) : (tensor<4x32x32xf32>, tensor<4x32x32xf32>) -> tensor<4x32x32xf32>
    %v845 = "stablehlo.subtract"(%arg0, %v844) : (tensor<4x32x32xf32>, tensor<4x32x32xf32>) -> tensor<4x32x32xf32>
    %v846 = "stablehlo.constant"() {value = dense<0x3D4CCCCD> : tensor<f32>} : () -> tensor<f32>
    %v847 = "stablehlo.broadcast_in_dim"(%v846) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x32xf32>
    %v848 = "stablehlo.multiply"(%v792#6, %v847) : (tensor<4x32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32>
    %v849 = "stablehlo.subtract"(%arg1, %v848) : (tensor<4x32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32>
    "func.return"(%v845, %v849, %v782) : (tensor<4x32x32xf32>, tensor<4x32xf32>, tensor<f32>) -> ()
  }
}
