module @ops_zoo {
  func.func public @main(%arg0: tensor<4x6xf32>, %arg1: tensor<3xi32>, %arg2: tensor<2xui32>) -> (tensor<f32>, tensor<4x6xf32>, tensor<4x6xi32>, tensor<3xf32>) {
    %v1 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<12xui32>
    %v2 = "stablehlo.constant"() {value = dense<12> : tensor<ui32>} : () -> tensor<ui32>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v4 = "stablehlo.add"(%v1, %v3) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v5 = "stablehlo.slice"(%arg2) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v6 = "stablehlo.reshape"(%v5) : (tensor<1xui32>) -> tensor<ui32>
    %v7 = "stablehlo.slice"(%arg2) {start_indices = array<i64: 1>, limit_indices = array<i64: 2>, strides = array<i64: 1>} : (tensor<2xui32>) -> tensor<1xui32>
    %v8 = "stablehlo.reshape"(%v7) : (tensor<1xui32>) -> tensor<ui32>
    %v9 = "stablehlo.xor"(%v6, %v8) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v10 = "stablehlo.constant"() {value = dense<466688986> : tensor<ui32>} : () -> tensor<ui32>
    %v11 = "stablehlo.xor"(%v9, %v10) : (tensor<ui32>, tensor<ui32>) -> tensor<ui32>
    %v12 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v13 = "stablehlo.add"(%v1, %v12) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v14 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v15 = "stablehlo.add"(%v4, %v14) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v16 = "stablehlo.add"(%v13, %v15) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v17 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v18 = "stablehlo.broadcast_in_dim"(%v17) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v19 = "stablehlo.shift_left"(%v15, %v18) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v20 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v22 = "stablehlo.shift_right_logical"(%v15, %v21) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v23 = "stablehlo.or"(%v19, %v22) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v24 = "stablehlo.xor"(%v23, %v16) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v25 = "stablehlo.add"(%v16, %v24) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v26 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v27 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v28 = "stablehlo.shift_left"(%v24, %v27) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v29 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v31 = "stablehlo.shift_right_logical"(%v24, %v30) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v32 = "stablehlo.or"(%v28, %v31) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v33 = "stablehlo.xor"(%v32, %v25) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v34 = "stablehlo.add"(%v25, %v33) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v35 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v36 = "stablehlo.broadcast_in_dim"(%v35) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v37 = "stablehlo.shift_left"(%v33, %v36) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v38 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v40 = "stablehlo.shift_right_logical"(%v33, %v39) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v41 = "stablehlo.or"(%v37, %v40) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v42 = "stablehlo.xor"(%v41, %v34) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v43 = "stablehlo.add"(%v34, %v42) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v44 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v46 = "stablehlo.shift_left"(%v42, %v45) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v47 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v48 = "stablehlo.broadcast_in_dim"(%v47) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v49 = "stablehlo.shift_right_logical"(%v42, %v48) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v50 = "stablehlo.or"(%v46, %v49) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v51 = "stablehlo.xor"(%v50, %v43) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v52 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v53 = "stablehlo.add"(%v43, %v52) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v54 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v55 = "stablehlo.add"(%v51, %v54) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v56 = "stablehlo.constant"() {value = dense<1> : tensor<ui32>} : () -> tensor<ui32>
    %v57 = "stablehlo.broadcast_in_dim"(%v56) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v58 = "stablehlo.add"(%v55, %v57) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v59 = "stablehlo.add"(%v53, %v58) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v60 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v61 = "stablehlo.broadcast_in_dim"(%v60) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v62 = "stablehlo.shift_left"(%v58, %v61) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v63 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v64 = "stablehlo.broadcast_in_dim"(%v63) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v65 = "stablehlo.shift_right_logical"(%v58, %v64) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v66 = "stablehlo.or"(%v62, %v65) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v67 = "stablehlo.xor"(%v66, %v59) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v68 = "stablehlo.add"(%v59, %v67) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v69 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v70 = "stablehlo.broadcast_in_dim"(%v69) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v71 = "stablehlo.shift_left"(%v67, %v70) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v72 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v74 = "stablehlo.shift_right_logical"(%v67, %v73) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v75 = "stablehlo.or"(%v71, %v74) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v76 = "stablehlo.xor"(%v75, %v68) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v77 = "stablehlo.add"(%v68, %v76) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v78 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v79 = "stablehlo.broadcast_in_dim"(%v78) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v80 = "stablehlo.shift_left"(%v76, %v79) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v81 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v83 = "stablehlo.shift_right_logical"(%v76, %v82) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v84 = "stablehlo.or"(%v80, %v83) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v85 = "stablehlo.xor"(%v84, %v77) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v86 = "stablehlo.add"(%v77, %v85) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v87 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v88 = "stablehlo.broadcast_in_dim"(%v87) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v89 = "stablehlo.shift_left"(%v85, %v88) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v90 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v92 = "stablehlo.shift_right_logical"(%v85, %v91) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v93 = "stablehlo.or"(%v89, %v92) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v94 = "stablehlo.xor"(%v93, %v86) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v95 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v96 = "stablehlo.add"(%v86, %v95) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v97 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v98 = "stablehlo.add"(%v94, %v97) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v99 = "stablehlo.constant"() {value = dense<2> : tensor<ui32>} : () -> tensor<ui32>
    %v100 = "stablehlo.broadcast_in_dim"(%v99) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v101 = "stablehlo.add"(%v98, %v100) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v102 = "stablehlo.add"(%v96, %v101) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v103 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v105 = "stablehlo.shift_left"(%v101, %v104) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v106 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v108 = "stablehlo.shift_right_logical"(%v101, %v107) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v109 = "stablehlo.or"(%v105, %v108) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v110 = "stablehlo.xor"(%v109, %v102) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v111 = "stablehlo.add"(%v102, %v110) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v112 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v114 = "stablehlo.shift_left"(%v110, %v113) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v115 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v116 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v117 = "stablehlo.shift_right_logical"(%v110, %v116) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v118 = "stablehlo.or"(%v114, %v117) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v119 = "stablehlo.xor"(%v118, %v111) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v120 = "stablehlo.add"(%v111, %v119) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v121 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v122 = "stablehlo.broadcast_in_dim"(%v121) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v123 = "stablehlo.shift_left"(%v119, %v122) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v124 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v125 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v126 = "stablehlo.shift_right_logical"(%v119, %v125) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v127 = "stablehlo.or"(%v123, %v126) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v128 = "stablehlo.xor"(%v127, %v120) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v129 = "stablehlo.add"(%v120, %v128) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v130 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v131 = "stablehlo.broadcast_in_dim"(%v130) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v132 = "stablehlo.shift_left"(%v128, %v131) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v133 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v134 = "stablehlo.broadcast_in_dim"(%v133) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v135 = "stablehlo.shift_right_logical"(%v128, %v134) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v136 = "stablehlo.or"(%v132, %v135) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v137 = "stablehlo.xor"(%v136, %v129) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v138 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v139 = "stablehlo.add"(%v129, %v138) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v140 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v141 = "stablehlo.add"(%v137, %v140) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v142 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v143 = "stablehlo.broadcast_in_dim"(%v142) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v144 = "stablehlo.add"(%v141, %v143) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v145 = "stablehlo.add"(%v139, %v144) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v146 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v147 = "stablehlo.broadcast_in_dim"(%v146) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v148 = "stablehlo.shift_left"(%v144, %v147) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v149 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v150 = "stablehlo.broadcast_in_dim"(%v149) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v151 = "stablehlo.shift_right_logical"(%v144, %v150) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v152 = "stablehlo.or"(%v148, %v151) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v153 = "stablehlo.xor"(%v152, %v145) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v154 = "stablehlo.add"(%v145, %v153) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v155 = "stablehlo.constant"() {value = dense<29> : tensor<ui32>} : () -> tensor<ui32>
    %v156 = "stablehlo.broadcast_in_dim"(%v155) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v157 = "stablehlo.shift_left"(%v153, %v156) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v158 = "stablehlo.constant"() {value = dense<3> : tensor<ui32>} : () -> tensor<ui32>
    %v159 = "stablehlo.broadcast_in_dim"(%v158) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v160 = "stablehlo.shift_right_logical"(%v153, %v159) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v161 = "stablehlo.or"(%v157, %v160) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v162 = "stablehlo.xor"(%v161, %v154) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v163 = "stablehlo.add"(%v154, %v162) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v164 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v165 = "stablehlo.broadcast_in_dim"(%v164) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v166 = "stablehlo.shift_left"(%v162, %v165) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v167 = "stablehlo.constant"() {value = dense<16> : tensor<ui32>} : () -> tensor<ui32>
    %v168 = "stablehlo.broadcast_in_dim"(%v167) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v169 = "stablehlo.shift_right_logical"(%v162, %v168) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v170 = "stablehlo.or"(%v166, %v169) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v171 = "stablehlo.xor"(%v170, %v163) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v172 = "stablehlo.add"(%v163, %v171) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v173 = "stablehlo.constant"() {value = dense<24> : tensor<ui32>} : () -> tensor<ui32>
    %v174 = "stablehlo.broadcast_in_dim"(%v173) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v175 = "stablehlo.shift_left"(%v171, %v174) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v176 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v177 = "stablehlo.broadcast_in_dim"(%v176) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v178 = "stablehlo.shift_right_logical"(%v171, %v177) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v179 = "stablehlo.or"(%v175, %v178) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v180 = "stablehlo.xor"(%v179, %v172) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v181 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v182 = "stablehlo.add"(%v172, %v181) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v183 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v184 = "stablehlo.add"(%v180, %v183) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v185 = "stablehlo.constant"() {value = dense<4> : tensor<ui32>} : () -> tensor<ui32>
    %v186 = "stablehlo.broadcast_in_dim"(%v185) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v187 = "stablehlo.add"(%v184, %v186) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v188 = "stablehlo.add"(%v182, %v187) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v189 = "stablehlo.constant"() {value = dense<13> : tensor<ui32>} : () -> tensor<ui32>
    %v190 = "stablehlo.broadcast_in_dim"(%v189) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v191 = "stablehlo.shift_left"(%v187, %v190) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v192 = "stablehlo.constant"() {value = dense<19> : tensor<ui32>} : () -> tensor<ui32>
    %v193 = "stablehlo.broadcast_in_dim"(%v192) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v194 = "stablehlo.shift_right_logical"(%v187, %v193) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v195 = "stablehlo.or"(%v191, %v194) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v196 = "stablehlo.xor"(%v195, %v188) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v197 = "stablehlo.add"(%v188, %v196) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v198 = "stablehlo.constant"() {value = dense<15> : tensor<ui32>} : () -> tensor<ui32>
    %v199 = "stablehlo.broadcast_in_dim"(%v198) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v200 = "stablehlo.shift_left"(%v196, %v199) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v201 = "stablehlo.constant"() {value = dense<17> : tensor<ui32>} : () -> tensor<ui32>
    %v202 = "stablehlo.broadcast_in_dim"(%v201) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v203 = "stablehlo.shift_right_logical"(%v196, %v202) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v204 = "stablehlo.or"(%v200, %v203) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v205 = "stablehlo.xor"(%v204, %v197) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v206 = "stablehlo.add"(%v197, %v205) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v207 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v208 = "stablehlo.broadcast_in_dim"(%v207) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v209 = "stablehlo.shift_left"(%v205, %v208) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v210 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v211 = "stablehlo.broadcast_in_dim"(%v210) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v212 = "stablehlo.shift_right_logical"(%v205, %v211) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v213 = "stablehlo.or"(%v209, %v212) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v214 = "stablehlo.xor"(%v213, %v206) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v215 = "stablehlo.add"(%v206, %v214) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v216 = "stablehlo.constant"() {value = dense<6> : tensor<ui32>} : () -> tensor<ui32>
    %v217 = "stablehlo.broadcast_in_dim"(%v216) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v218 = "stablehlo.shift_left"(%v214, %v217) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v219 = "stablehlo.constant"() {value = dense<26> : tensor<ui32>} : () -> tensor<ui32>
    %v220 = "stablehlo.broadcast_in_dim"(%v219) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v221 = "stablehlo.shift_right_logical"(%v214, %v220) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v222 = "stablehlo.or"(%v218, %v221) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v223 = "stablehlo.xor"(%v222, %v215) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v224 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v225 = "stablehlo.add"(%v215, %v224) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v226 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v227 = "stablehlo.add"(%v223, %v226) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v228 = "stablehlo.constant"() {value = dense<5> : tensor<ui32>} : () -> tensor<ui32>
    %v229 = "stablehlo.broadcast_in_dim"(%v228) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<12xui32>
    %v230 = "stablehlo.add"(%v227, %v229) : (tensor<12xui32>, tensor<12xui32>) -> tensor<12xui32>
    %v231 = "stablehlo.concatenate"(%v225, %v230) {dimension = 0 : i64} : (tensor<12xui32>, tensor<12xui32>) -> tensor<24xui32>
    %v232 = "stablehlo.slice"(%v231) {start_indices = array<i64: 0>, limit_indices = array<i64: 24>, strides = array<i64: 1>} : (tensor<24xui32>) -> tensor<24xui32>
    %v233 = "stablehlo.slice"(%v232) {start_indices = array<i64: 0>, limit_indices = array<i64: 24>, strides = array<i64: 1>} : (tensor<24xui32>) -> tensor<24xui32>
    %v234 = "stablehlo.reshape"(%v233) : (tensor<24xui32>) -> tensor<4x6xui32>
    %v235 = "stablehlo.constant"() {value = dense<8> : tensor<ui32>} : () -> tensor<ui32>
    %v236 = "stablehlo.broadcast_in_dim"(%v235) {broadcast_dimensions = array<i64>} : (tensor<ui32>) -> tensor<4x6xui32>
    %v237 = "stablehlo.shift_right_logical"(%v234, %v236) : (tensor<4x6xui32>, tensor<4x6xui32>) -> tensor<4x6xui32>
    %v238 = "stablehlo.convert"(%v237) : (tensor<4x6xui32>) -> tensor<4x6xf32>
    %v239 = "stablehlo.constant"() {value = dense<0x33800000> : tensor<f32>} : () -> tensor<f32>
    %v240 = "stablehlo.broadcast_in_dim"(%v239) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v241 = "stablehlo.multiply"(%v238, %v240) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v242 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<4x6xi32>
    %v248:2 = "stablehlo.sort"(%v241, %v242) ({
      ^bb0(%v243: tensor<f32>, %v244: tensor<f32>, %v245: tensor<i32>, %v246: tensor<i32>):
        %v247 = "stablehlo.compare"(%v243, %v244) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
        "stablehlo.return"(%v247) : (tensor<i1>) -> ()
    }) {dimension = 1 : i64, is_stable = true} : (tensor<4x6xf32>, tensor<4x6xi32>) -> (tensor<4x6xf32>, tensor<4x6xi32>)
    %v249 = "stablehlo.add"(%arg0, %v241) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v250 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<6xf32>} : () -> tensor<6xf32>
    %v251 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<6xf32>} : () -> tensor<6xf32>
    %v252 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v256 = "stablehlo.reduce"(%v249, %v252) ({
      ^bb0(%v253: tensor<f32>, %v254: tensor<f32>):
        %v255 = "stablehlo.add"(%v253, %v254) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v255) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v257 = "stablehlo.reshape"(%v256) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v258 = "stablehlo.constant"() {value = dense<0x40C00000> : tensor<f32>} : () -> tensor<f32>
    %v259 = "stablehlo.broadcast_in_dim"(%v258) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x1xf32>
    %v260 = "stablehlo.divide"(%v257, %v259) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v261 = "stablehlo.broadcast_in_dim"(%v260) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<4x1xf32>) -> tensor<4x6xf32>
    %v262 = "stablehlo.subtract"(%v249, %v261) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v263 = "stablehlo.multiply"(%v262, %v262) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v264 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v268 = "stablehlo.reduce"(%v263, %v264) ({
      ^bb0(%v265: tensor<f32>, %v266: tensor<f32>):
        %v267 = "stablehlo.add"(%v265, %v266) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v267) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v269 = "stablehlo.reshape"(%v268) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v270 = "stablehlo.constant"() {value = dense<0x40C00000> : tensor<f32>} : () -> tensor<f32>
    %v271 = "stablehlo.broadcast_in_dim"(%v270) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x1xf32>
    %v272 = "stablehlo.divide"(%v269, %v271) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v273 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
    %v274 = "stablehlo.broadcast_in_dim"(%v273) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x1xf32>
    %v275 = "stablehlo.add"(%v272, %v274) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v276 = "stablehlo.rsqrt"(%v275) : (tensor<4x1xf32>) -> tensor<4x1xf32>
    %v277 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<4x1xf32>) -> tensor<4x6xf32>
    %v278 = "stablehlo.multiply"(%v262, %v277) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v279 = "stablehlo.broadcast_in_dim"(%v250) {broadcast_dimensions = array<i64: 1>} : (tensor<6xf32>) -> tensor<4x6xf32>
    %v280 = "stablehlo.multiply"(%v278, %v279) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v281 = "stablehlo.broadcast_in_dim"(%v251) {broadcast_dimensions = array<i64: 1>} : (tensor<6xf32>) -> tensor<4x6xf32>
    %v282 = "stablehlo.add"(%v280, %v281) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v283 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
    %v284 = "stablehlo.broadcast_in_dim"(%v283) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v285 = "stablehlo.multiply"(%v282, %v284) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v286 = "chlo.erf"(%v285) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v287 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v288 = "stablehlo.broadcast_in_dim"(%v287) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v289 = "stablehlo.multiply"(%v282, %v288) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v290 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v291 = "stablehlo.broadcast_in_dim"(%v290) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v292 = "stablehlo.add"(%v286, %v291) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v293 = "stablehlo.multiply"(%v289, %v292) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v294 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v298 = "stablehlo.reduce"(%v293, %v294) ({
      ^bb0(%v295: tensor<f32>, %v296: tensor<f32>):
        %v297 = "stablehlo.maximum"(%v295, %v296) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v297) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v299 = "stablehlo.reshape"(%v298) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v300 = "stablehlo.broadcast_in_dim"(%v299) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<4x1xf32>) -> tensor<4x6xf32>
    %v301 = "stablehlo.subtract"(%v293, %v300) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v302 = "stablehlo.exponential"(%v301) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v303 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v307 = "stablehlo.reduce"(%v302, %v303) ({
      ^bb0(%v304: tensor<f32>, %v305: tensor<f32>):
        %v306 = "stablehlo.add"(%v304, %v305) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v306) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v308 = "stablehlo.reshape"(%v307) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v309 = "stablehlo.broadcast_in_dim"(%v308) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<4x1xf32>) -> tensor<4x6xf32>
    %v310 = "stablehlo.divide"(%v302, %v309) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v311 = "stablehlo.log"(%v310) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v312 = "stablehlo.tanh"(%v311) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v313 = "stablehlo.exponential"(%v312) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v314 = "stablehlo.sqrt"(%v313) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v315 = "stablehlo.rsqrt"(%v314) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v316 = "stablehlo.abs"(%v315) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v317 = "stablehlo.negate"(%v316) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v318 = "stablehlo.sine"(%v317) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v319 = "stablehlo.cosine"(%v318) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v320 = "stablehlo.maximum"(%v319, %arg0) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v321 = "stablehlo.constant"() {value = dense<0x40000000> : tensor<f32>} : () -> tensor<f32>
    %v322 = "stablehlo.broadcast_in_dim"(%v321) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v323 = "stablehlo.multiply"(%arg0, %v322) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v324 = "stablehlo.minimum"(%v320, %v323) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v325 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<4x6xf32>} : () -> tensor<4x6xf32>
    %v326 = "stablehlo.power"(%v324, %v325) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v327 = "stablehlo.gather"(%v326, %arg1) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 6>} : (tensor<4x6xf32>, tensor<3xi32>) -> tensor<3x6xf32>
    %v328 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x6xf32>} : () -> tensor<4x6xf32>
    %v329 = "stablehlo.reshape"(%arg1) : (tensor<3xi32>) -> tensor<3x1xi32>
    %v333 = "stablehlo.scatter"(%v328, %v329, %v327) ({
      ^bb0(%v330: tensor<f32>, %v331: tensor<f32>):
        %v332 = "stablehlo.add"(%v330, %v331) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v332) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<4x6xf32>, tensor<3x1xi32>, tensor<3x6xf32>) -> tensor<4x6xf32>
    %v334 = "stablehlo.reshape"(%v326) : (tensor<4x6xf32>) -> tensor<1x4x6xf32>
    %v335 = "stablehlo.slice"(%v248#1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 6>, strides = array<i64: 1, 1>} : (tensor<4x6xi32>) -> tensor<1x6xi32>
    %v336 = "stablehlo.slice"(%v335) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 4>, strides = array<i64: 1, 1>} : (tensor<1x6xi32>) -> tensor<1x4xi32>
    %v337 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<1x4x1xi32>
    %v338 = "stablehlo.reshape"(%v336) : (tensor<1x4xi32>) -> tensor<1x4x1xi32>
    %v339 = "stablehlo.concatenate"(%v337, %v338) {dimension = 2 : i64} : (tensor<1x4x1xi32>, tensor<1x4x1xi32>) -> tensor<1x4x2xi32>
    %v340 = "stablehlo.gather"(%v334, %v339) {dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 6>} : (tensor<1x4x6xf32>, tensor<1x4x2xi32>) -> tensor<1x4x6xf32>
    %v341 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v342 = "stablehlo.pad"(%v333, %v341) {edge_padding_low = array<i64: 1, 0>, edge_padding_high = array<i64: 0, 2>, interior_padding = array<i64: 0, 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<5x13xf32>
    %v343 = "stablehlo.slice"(%v342) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 5, 13>, strides = array<i64: 1, 2>} : (tensor<5x13xf32>) -> tensor<4x7xf32>
    %v344 = "stablehlo.convert"(%v343) : (tensor<4x7xf32>) -> tensor<4x7xbf16>
    %v345 = "stablehlo.transpose"(%v343) {permutation = array<i64: 1, 0>} : (tensor<4x7xf32>) -> tensor<7x4xf32>
    %v346 = "stablehlo.convert"(%v345) : (tensor<7x4xf32>) -> tensor<7x4xbf16>
    %v347 = "stablehlo.dot_general"(%v344, %v346) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<4x7xbf16>, tensor<7x4xbf16>) -> tensor<4x4xbf16>
    %v348 = "stablehlo.convert"(%v347) : (tensor<4x4xbf16>) -> tensor<4x4xf32>
    %v349 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %v350 = "stablehlo.dynamic_slice"(%v348, %v349, %v349) {slice_sizes = array<i64: 2, 2>} : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
    %v351 = "stablehlo.constant"() {value = dense<0x40400000> : tensor<f32>} : () -> tensor<f32>
    %v352 = "stablehlo.broadcast_in_dim"(%v351) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<2x2xf32>
    %v353 = "stablehlo.multiply"(%v350, %v352) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    %v354 = "stablehlo.dynamic_update_slice"(%v348, %v353, %v349, %v349) : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<4x4xf32>
    %v355 = "stablehlo.constant"() {value = dense<0x40000000> : tensor<f32>} : () -> tensor<f32>
    %v356 = "stablehlo.broadcast_in_dim"(%v355) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4xf32>
    %v357 = "stablehlo.divide"(%v354, %v356) : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
    %v358 = "stablehlo.concatenate"(%v354, %v357) {dimension = 0 : i64} : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
    %v359 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v363 = "stablehlo.reduce"(%v358, %v359) ({
      ^bb0(%v360: tensor<f32>, %v361: tensor<f32>):
        %v362 = "stablehlo.add"(%v360, %v361) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v362) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x4xf32>, tensor<f32>) -> tensor<f32>
    %v364 = "stablehlo.constant"() {value = dense<0x42000000> : tensor<f32>} : () -> tensor<f32>
    %v365 = "stablehlo.divide"(%v363, %v364) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v366 = "stablehlo.broadcast_in_dim"(%v365) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x4xf32>
    %v367 = "stablehlo.compare"(%v358, %v366) {comparison_direction = #stablehlo<comparison_direction GT>} : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xi1>
    %v368 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v369 = "stablehlo.select"(%v367, %v358, %v368) : (tensor<8x4xi1>, tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v373 = "stablehlo.all_reduce"(%v369) ({
      ^bb0(%v370: tensor<f32>, %v371: tensor<f32>):
        %v372 = "stablehlo.add"(%v370, %v371) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v372) : (tensor<f32>) -> ()
    }) {replica_groups = dense<[[0]]> : tensor<1x1xi64>} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %v374 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v378 = "stablehlo.reduce"(%v373, %v374) ({
      ^bb0(%v375: tensor<f32>, %v376: tensor<f32>):
        %v377 = "stablehlo.maximum"(%v375, %v376) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v377) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
    %v379 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v383 = "stablehlo.reduce"(%v369, %v379) ({
      ^bb0(%v380: tensor<f32>, %v381: tensor<f32>):
        %v382 = "stablehlo.minimum"(%v380, %v381) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v382) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
    %v384 = "stablehlo.add"(%v378, %v383) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v385 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<3x6xf32>} : () -> tensor<3x6xf32>
    %v386 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v387 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<3xf32>} : () -> tensor<3xf32>
    %v388 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<3x4x6xf32>} : () -> tensor<3x4x6xf32>
    %v389:5 = "stablehlo.while"(%v386, %arg0, %v385, %v387, %v388) ({
      ^bb0(%v390: tensor<i32>, %v391: tensor<4x6xf32>, %v392: tensor<3x6xf32>, %v393: tensor<3xf32>, %v394: tensor<3x4x6xf32>):
        %v395 = "stablehlo.constant"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
        %v396 = "stablehlo.compare"(%v390, %v395) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v396) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v397: tensor<i32>, %v398: tensor<4x6xf32>, %v399: tensor<3x6xf32>, %v400: tensor<3xf32>, %v401: tensor<3x4x6xf32>):
        %v402 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v403 = "stablehlo.dynamic_slice"(%v399, %v397, %v402) {slice_sizes = array<i64: 1, 6>} : (tensor<3x6xf32>, tensor<i32>, tensor<i32>) -> tensor<1x6xf32>
        %v404 = "stablehlo.reshape"(%v403) : (tensor<1x6xf32>) -> tensor<6xf32>
        %v405 = "stablehlo.broadcast_in_dim"(%v404) {broadcast_dimensions = array<i64: 1>} : (tensor<6xf32>) -> tensor<4x6xf32>
        %v406 = "stablehlo.multiply"(%v398, %v405) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v407 = "stablehlo.tanh"(%v406) : (tensor<4x6xf32>) -> tensor<4x6xf32>
        %v408 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v412 = "stablehlo.reduce"(%v398, %v408) ({
          ^bb0(%v409: tensor<f32>, %v410: tensor<f32>):
            %v411 = "stablehlo.add"(%v409, %v410) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v411) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<f32>
        %v413 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v414 = "stablehlo.add"(%v397, %v413) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v415 = "stablehlo.reshape"(%v412) : (tensor<f32>) -> tensor<1xf32>
        %v416 = "stablehlo.dynamic_update_slice"(%v400, %v415, %v397) : (tensor<3xf32>, tensor<1xf32>, tensor<i32>) -> tensor<3xf32>
        %v417 = "stablehlo.reshape"(%v398) : (tensor<4x6xf32>) -> tensor<1x4x6xf32>
        %v418 = "stablehlo.dynamic_update_slice"(%v401, %v417, %v397, %v402, %v402) : (tensor<3x4x6xf32>, tensor<1x4x6xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3x4x6xf32>
        "stablehlo.return"(%v414, %v407, %v399, %v416, %v418) : (tensor<i32>, tensor<4x6xf32>, tensor<3x6xf32>, tensor<3xf32>, tensor<3x4x6xf32>) -> ()
    }) : (tensor<i32>, tensor<4x6xf32>, tensor<3x6xf32>, tensor<3xf32>, tensor<3x4x6xf32>) -> (tensor<i32>, tensor<4x6xf32>, tensor<3x6xf32>, tensor<3xf32>, tensor<3x4x6xf32>)
    %v419 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v423 = "stablehlo.reduce"(%v384, %v419) ({
      ^bb0(%v420: tensor<f32>, %v421: tensor<f32>):
        %v422 = "stablehlo.add"(%v420, %v421) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v422) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v424 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v428 = "stablehlo.reduce"(%v389#1, %v424) ({
      ^bb0(%v425: tensor<f32>, %v426: tensor<f32>):
        %v427 = "stablehlo.add"(%v425, %v426) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v427) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<f32>
    %v429 = "stablehlo.add"(%v423, %v428) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v430 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v434 = "stablehlo.reduce"(%v340, %v430) ({
      ^bb0(%v431: tensor<f32>, %v432: tensor<f32>):
        %v433 = "stablehlo.add"(%v431, %v432) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v433) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<1x4x6xf32>, tensor<f32>) -> tensor<f32>
    %v435 = "stablehlo.add"(%v429, %v434) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v436 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v437 = "stablehlo.broadcast_in_dim"(%v436) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x4x6xf32>
    %v438 = "stablehlo.broadcast_in_dim"(%v436) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v439 = "stablehlo.broadcast_in_dim"(%v436) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v440 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<3xf32>} : () -> tensor<3xf32>
    %v441 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v442:5 = "stablehlo.while"(%v441, %v438, %v389#4, %v385, %v440) ({
      ^bb0(%v443: tensor<i32>, %v444: tensor<4x6xf32>, %v445: tensor<3x4x6xf32>, %v446: tensor<3x6xf32>, %v447: tensor<3xf32>):
        %v448 = "stablehlo.constant"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
        %v449 = "stablehlo.compare"(%v443, %v448) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v449) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v450: tensor<i32>, %v451: tensor<4x6xf32>, %v452: tensor<3x4x6xf32>, %v453: tensor<3x6xf32>, %v454: tensor<3xf32>):
        %v455 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
        %v456 = "stablehlo.subtract"(%v455, %v450) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v457 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v458 = "stablehlo.dynamic_slice"(%v452, %v456, %v457, %v457) {slice_sizes = array<i64: 1, 4, 6>} : (tensor<3x4x6xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x4x6xf32>
        %v459 = "stablehlo.reshape"(%v458) : (tensor<1x4x6xf32>) -> tensor<4x6xf32>
        %v460 = "stablehlo.dynamic_slice"(%v453, %v456, %v457) {slice_sizes = array<i64: 1, 6>} : (tensor<3x6xf32>, tensor<i32>, tensor<i32>) -> tensor<1x6xf32>
        %v461 = "stablehlo.reshape"(%v460) : (tensor<1x6xf32>) -> tensor<6xf32>
        %v462 = "stablehlo.dynamic_slice"(%v454, %v456) {slice_sizes = array<i64: 1>} : (tensor<3xf32>, tensor<i32>) -> tensor<1xf32>
        %v463 = "stablehlo.reshape"(%v462) : (tensor<1xf32>) -> tensor<f32>
        %v464 = "stablehlo.broadcast_in_dim"(%v461) {broadcast_dimensions = array<i64: 1>} : (tensor<6xf32>) -> tensor<4x6xf32>
        %v465 = "stablehlo.multiply"(%v459, %v464) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v466 = "stablehlo.tanh"(%v465) : (tensor<4x6xf32>) -> tensor<4x6xf32>
        %v467 = "stablehlo.broadcast_in_dim"(%v463) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
        %v468 = "stablehlo.multiply"(%v466, %v466) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v469 = "stablehlo.negate"(%v468) : (tensor<4x6xf32>) -> tensor<4x6xf32>
        %v470 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v471 = "stablehlo.broadcast_in_dim"(%v470) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
        %v472 = "stablehlo.add"(%v469, %v471) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v473 = "stablehlo.multiply"(%v451, %v472) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v474 = "stablehlo.multiply"(%v473, %v464) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v475 = "stablehlo.add"(%v467, %v474) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
        %v476 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v477 = "stablehlo.add"(%v450, %v476) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        "stablehlo.return"(%v477, %v475, %v452, %v453, %v454) : (tensor<i32>, tensor<4x6xf32>, tensor<3x4x6xf32>, tensor<3x6xf32>, tensor<3xf32>) -> ()
    }) : (tensor<i32>, tensor<4x6xf32>, tensor<3x4x6xf32>, tensor<3x6xf32>, tensor<3xf32>) -> (tensor<i32>, tensor<4x6xf32>, tensor<3x4x6xf32>, tensor<3x6xf32>, tensor<3xf32>)
    %v478 = "stablehlo.broadcast_in_dim"(%v439) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v479 = "stablehlo.broadcast_in_dim"(%v383) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v480 = "stablehlo.compare"(%v369, %v479) {comparison_direction = #stablehlo<comparison_direction EQ>} : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xi1>
    %v481 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v482 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v483 = "stablehlo.select"(%v480, %v481, %v482) : (tensor<8x4xi1>, tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v484 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v488 = "stablehlo.reduce"(%v483, %v484) ({
      ^bb0(%v485: tensor<f32>, %v486: tensor<f32>):
        %v487 = "stablehlo.add"(%v485, %v486) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v487) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
    %v489 = "stablehlo.broadcast_in_dim"(%v488) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v490 = "stablehlo.multiply"(%v478, %v483) : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v491 = "stablehlo.divide"(%v490, %v489) : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v492 = "stablehlo.broadcast_in_dim"(%v439) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v493 = "stablehlo.broadcast_in_dim"(%v378) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v494 = "stablehlo.compare"(%v373, %v493) {comparison_direction = #stablehlo<comparison_direction EQ>} : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xi1>
    %v495 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v496 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v497 = "stablehlo.select"(%v494, %v495, %v496) : (tensor<8x4xi1>, tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v498 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v502 = "stablehlo.reduce"(%v497, %v498) ({
      ^bb0(%v499: tensor<f32>, %v500: tensor<f32>):
        %v501 = "stablehlo.add"(%v499, %v500) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v501) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
    %v503 = "stablehlo.broadcast_in_dim"(%v502) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x4xf32>
    %v504 = "stablehlo.multiply"(%v492, %v497) : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v505 = "stablehlo.divide"(%v504, %v503) : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v509 = "stablehlo.all_reduce"(%v505) ({
      ^bb0(%v506: tensor<f32>, %v507: tensor<f32>):
        %v508 = "stablehlo.add"(%v506, %v507) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v508) : (tensor<f32>) -> ()
    }) {replica_groups = dense<[[0]]> : tensor<1x1xi64>} : (tensor<8x4xf32>) -> tensor<8x4xf32>
    %v510 = "stablehlo.add"(%v491, %v509) : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v511 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
    %v512 = "stablehlo.select"(%v367, %v510, %v511) : (tensor<8x4xi1>, tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
    %v513 = "stablehlo.slice"(%v512) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 4, 4>, strides = array<i64: 1, 1>} : (tensor<8x4xf32>) -> tensor<4x4xf32>
    %v514 = "stablehlo.slice"(%v512) {start_indices = array<i64: 4, 0>, limit_indices = array<i64: 8, 4>, strides = array<i64: 1, 1>} : (tensor<8x4xf32>) -> tensor<4x4xf32>
    %v515 = "stablehlo.divide"(%v514, %v356) : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
    %v516 = "stablehlo.add"(%v513, %v515) : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
    %v517 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
    %v518 = "stablehlo.dynamic_update_slice"(%v516, %v517, %v349, %v349) : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<4x4xf32>
    %v519 = "stablehlo.dynamic_slice"(%v516, %v349, %v349) {slice_sizes = array<i64: 2, 2>} : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
    %v520 = "stablehlo.multiply"(%v519, %v352) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
    %v521 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x4xf32>} : () -> tensor<4x4xf32>
    %v522 = "stablehlo.dynamic_update_slice"(%v521, %v520, %v349, %v349) : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<4x4xf32>
    %v523 = "stablehlo.add"(%v518, %v522) : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
    %v524 = "stablehlo.convert"(%v523) : (tensor<4x4xf32>) -> tensor<4x4xbf16>
    %v525 = "stablehlo.dot_general"(%v524, %v346) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<4x4xbf16>, tensor<7x4xbf16>) -> tensor<4x7xbf16>
    %v526 = "stablehlo.dot_general"(%v524, %v344) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<4x4xbf16>, tensor<4x7xbf16>) -> tensor<4x7xbf16>
    %v527 = "stablehlo.transpose"(%v526) {permutation = array<i64: 1, 0>} : (tensor<4x7xbf16>) -> tensor<7x4xbf16>
    %v528 = "stablehlo.convert"(%v527) : (tensor<7x4xbf16>) -> tensor<7x4xf32>
    %v529 = "stablehlo.transpose"(%v528) {permutation = array<i64: 1, 0>} : (tensor<7x4xf32>) -> tensor<4x7xf32>
    %v530 = "stablehlo.convert"(%v525) : (tensor<4x7xbf16>) -> tensor<4x7xf32>
    %v531 = "stablehlo.add"(%v529, %v530) : (tensor<4x7xf32>, tensor<4x7xf32>) -> tensor<4x7xf32>
    %v532 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v533 = "stablehlo.pad"(%v531, %v532) {edge_padding_low = array<i64: 1, 0>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 1>} : (tensor<4x7xf32>, tensor<f32>) -> tensor<5x13xf32>
    %v534 = "stablehlo.slice"(%v533) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 5, 11>, strides = array<i64: 1, 2>} : (tensor<5x13xf32>) -> tensor<4x6xf32>
    %v535 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x6xf32>} : () -> tensor<1x4x6xf32>
    %v539 = "stablehlo.scatter"(%v535, %v339, %v437) ({
      ^bb0(%v536: tensor<f32>, %v537: tensor<f32>):
        %v538 = "stablehlo.add"(%v536, %v537) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v538) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 2>, unique_indices = false} : (tensor<1x4x6xf32>, tensor<1x4x2xi32>, tensor<1x4x6xf32>) -> tensor<1x4x6xf32>
    %v540 = "stablehlo.reshape"(%v539) : (tensor<1x4x6xf32>) -> tensor<4x6xf32>
    %v541 = "stablehlo.gather"(%v534, %v329) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 6>} : (tensor<4x6xf32>, tensor<3x1xi32>) -> tensor<3x6xf32>
    %v542 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x6xf32>} : () -> tensor<4x6xf32>
    %v546 = "stablehlo.scatter"(%v542, %arg1, %v541) ({
      ^bb0(%v543: tensor<f32>, %v544: tensor<f32>):
        %v545 = "stablehlo.add"(%v543, %v544) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v545) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<4x6xf32>, tensor<3xi32>, tensor<3x6xf32>) -> tensor<4x6xf32>
    %v547 = "stablehlo.add"(%v540, %v546) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v548 = "stablehlo.multiply"(%v547, %v325) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v549 = "stablehlo.constant"() {value = dense<0xBF800000> : tensor<f32>} : () -> tensor<f32>
    %v550 = "stablehlo.broadcast_in_dim"(%v549) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v551 = "stablehlo.add"(%v325, %v550) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v552 = "stablehlo.power"(%v324, %v551) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v553 = "stablehlo.multiply"(%v548, %v552) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v554 = "stablehlo.compare"(%v320, %v323) {comparison_direction = #stablehlo<comparison_direction LE>} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xi1>
    %v555 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x6xf32>} : () -> tensor<4x6xf32>
    %v556 = "stablehlo.select"(%v554, %v553, %v555) : (tensor<4x6xi1>, tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v557 = "stablehlo.select"(%v554, %v555, %v553) : (tensor<4x6xi1>, tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v558 = "stablehlo.multiply"(%v557, %v322) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v559 = "stablehlo.add"(%v442#1, %v558) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v560 = "stablehlo.compare"(%v319, %arg0) {comparison_direction = #stablehlo<comparison_direction GE>} : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xi1>
    %v561 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x6xf32>} : () -> tensor<4x6xf32>
    %v562 = "stablehlo.select"(%v560, %v556, %v561) : (tensor<4x6xi1>, tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v563 = "stablehlo.select"(%v560, %v561, %v556) : (tensor<4x6xi1>, tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v564 = "stablehlo.add"(%v559, %v563) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v565 = "stablehlo.sine"(%v318) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v566 = "stablehlo.multiply"(%v562, %v565) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v567 = "stablehlo.negate"(%v566) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v568 = "stablehlo.cosine"(%v317) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v569 = "stablehlo.multiply"(%v567, %v568) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v570 = "stablehlo.negate"(%v569) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v571 = "stablehlo.sign"(%v315) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v572 = "stablehlo.multiply"(%v570, %v571) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v573 = "stablehlo.multiply"(%v315, %v315) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v574 = "stablehlo.multiply"(%v573, %v315) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v575 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v576 = "stablehlo.broadcast_in_dim"(%v575) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v577 = "stablehlo.multiply"(%v574, %v576) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v578 = "stablehlo.multiply"(%v572, %v577) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v579 = "stablehlo.divide"(%v578, %v314) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v580 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v581 = "stablehlo.broadcast_in_dim"(%v580) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v582 = "stablehlo.multiply"(%v579, %v581) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v583 = "stablehlo.multiply"(%v582, %v313) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v584 = "stablehlo.multiply"(%v312, %v312) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v585 = "stablehlo.negate"(%v584) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v586 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v587 = "stablehlo.broadcast_in_dim"(%v586) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v588 = "stablehlo.add"(%v585, %v587) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v589 = "stablehlo.multiply"(%v583, %v588) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v590 = "stablehlo.divide"(%v589, %v310) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v591 = "stablehlo.divide"(%v590, %v309) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v592 = "stablehlo.multiply"(%v590, %v310) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v593 = "stablehlo.divide"(%v592, %v309) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v594 = "stablehlo.negate"(%v593) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v595 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v599 = "stablehlo.reduce"(%v594, %v595) ({
      ^bb0(%v596: tensor<f32>, %v597: tensor<f32>):
        %v598 = "stablehlo.add"(%v596, %v597) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v598) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v600 = "stablehlo.reshape"(%v599) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v601 = "stablehlo.reshape"(%v600) : (tensor<4x1xf32>) -> tensor<4xf32>
    %v602 = "stablehlo.broadcast_in_dim"(%v601) {broadcast_dimensions = array<i64: 0>} : (tensor<4xf32>) -> tensor<4x6xf32>
    %v603 = "stablehlo.add"(%v591, %v602) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v604 = "stablehlo.multiply"(%v603, %v302) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v605 = "stablehlo.multiply"(%v604, %v292) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v606 = "stablehlo.multiply"(%v604, %v289) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v607 = "stablehlo.multiply"(%v605, %v288) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v608 = "stablehlo.multiply"(%v285, %v285) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v609 = "stablehlo.negate"(%v608) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v610 = "stablehlo.exponential"(%v609) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v611 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
    %v612 = "stablehlo.broadcast_in_dim"(%v611) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x6xf32>
    %v613 = "stablehlo.multiply"(%v610, %v612) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v614 = "stablehlo.multiply"(%v606, %v613) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v615 = "stablehlo.multiply"(%v614, %v284) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v616 = "stablehlo.add"(%v607, %v615) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v617 = "stablehlo.multiply"(%v616, %v279) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v618 = "stablehlo.multiply"(%v617, %v277) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v619 = "stablehlo.multiply"(%v617, %v262) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v620 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v624 = "stablehlo.reduce"(%v619, %v620) ({
      ^bb0(%v621: tensor<f32>, %v622: tensor<f32>):
        %v623 = "stablehlo.add"(%v621, %v622) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v623) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v625 = "stablehlo.reshape"(%v624) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v626 = "stablehlo.multiply"(%v276, %v276) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v627 = "stablehlo.multiply"(%v626, %v276) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v628 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v629 = "stablehlo.broadcast_in_dim"(%v628) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x1xf32>
    %v630 = "stablehlo.multiply"(%v627, %v629) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v631 = "stablehlo.multiply"(%v625, %v630) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v632 = "stablehlo.divide"(%v631, %v271) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v633 = "stablehlo.reshape"(%v632) : (tensor<4x1xf32>) -> tensor<4xf32>
    %v634 = "stablehlo.broadcast_in_dim"(%v633) {broadcast_dimensions = array<i64: 0>} : (tensor<4xf32>) -> tensor<4x6xf32>
    %v635 = "stablehlo.multiply"(%v634, %v262) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v636 = "stablehlo.multiply"(%v634, %v262) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v637 = "stablehlo.add"(%v618, %v635) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v638 = "stablehlo.add"(%v637, %v636) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v639 = "stablehlo.negate"(%v638) : (tensor<4x6xf32>) -> tensor<4x6xf32>
    %v640 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v644 = "stablehlo.reduce"(%v639, %v640) ({
      ^bb0(%v641: tensor<f32>, %v642: tensor<f32>):
        %v643 = "stablehlo.add"(%v641, %v642) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v643) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
    %v645 = "stablehlo.reshape"(%v644) : (tensor<4xf32>) -> tensor<4x1xf32>
    %v646 = "stablehlo.divide"(%v645, %v259) : (tensor<4x1xf32>, tensor<4x1xf32>) -> tensor<4x1xf32>
    %v647 = "stablehlo.reshape"(%v646) : (tensor<4x1xf32>) -> tensor<4xf32>
    %v648 = "stablehlo.broadcast_in_dim"(%v647) {broadcast_dimensions = array<i64: 0>} : (tensor<4xf32>) -> tensor<4x6xf32>
    %v649 = "stablehlo.add"(%v638, %v648) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    %v650 = "stablehlo.add"(%v564, %v649) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
    "func.return"(%v435, %v650, %v248#1, %v389#3) : (tensor<f32>, tensor<4x6xf32>, tensor<4x6xi32>, tensor<3xf32>) -> ()
  }
}
