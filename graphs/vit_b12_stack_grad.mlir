module @vit_stack12_grad {
  func.func public @main(%arg0: tensor<8x197x768xf32>, %arg1: tensor<12x768xf32>, %arg2: tensor<12x768xf32>, %arg3: tensor<12x2304x768xf32>, %arg4: tensor<12x2304xf32>, %arg5: tensor<12x768x768xf32>, %arg6: tensor<12x768xf32>, %arg7: tensor<12x768xf32>, %arg8: tensor<12x768xf32>, %arg9: tensor<12x3072x768xf32>, %arg10: tensor<12x3072xf32>, %arg11: tensor<12x768x3072xf32>, %arg12: tensor<12x768xf32>) -> (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) {
    %v1 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v3 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x3072xf32>} : () -> tensor<12x8x197x3072xf32>
    %v4 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x3072xf32>} : () -> tensor<12x8x197x3072xf32>
    %v5 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x3072xf32>} : () -> tensor<12x8x197x3072xf32>
    %v6 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x3072xf32>} : () -> tensor<12x8x197x3072xf32>
    %v7 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v8 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v9 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v10 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v11 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x1xf32>} : () -> tensor<12x8x197x1xf32>
    %v12 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x12x64xf32>} : () -> tensor<12x8x197x12x64xf32>
    %v14 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197x197xf32>} : () -> tensor<12x8x12x197x197xf32>
    %v15 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197x197xf32>} : () -> tensor<12x8x12x197x197xf32>
    %v16 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197x197xf32>} : () -> tensor<12x8x12x197x197xf32>
    %v17 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x12x64xf32>} : () -> tensor<12x8x197x12x64xf32>
    %v18 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x12x64xf32>} : () -> tensor<12x8x197x12x64xf32>
    %v19 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v20 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v21 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v22 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v23 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x1xf32>} : () -> tensor<12x8x197x1xf32>
    %v24:36 = "stablehlo.while"(%v1, %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v2, %v3, %v4, %v5, %v6, %v7, %v8, %v9, %v10, %v11, %v12, %v13, %v14, %v15, %v16, %v17, %v18, %v19, %v20, %v21, %v22, %v23) ({
      ^bb0(%v25: tensor<i32>, %v26: tensor<8x197x768xf32>, %v27: tensor<12x768xf32>, %v28: tensor<12x768xf32>, %v29: tensor<12x2304x768xf32>, %v30: tensor<12x2304xf32>, %v31: tensor<12x768x768xf32>, %v32: tensor<12x768xf32>, %v33: tensor<12x768xf32>, %v34: tensor<12x768xf32>, %v35: tensor<12x3072x768xf32>, %v36: tensor<12x3072xf32>, %v37: tensor<12x768x3072xf32>, %v38: tensor<12x768xf32>, %v39: tensor<12x8x197x768xf32>, %v40: tensor<12x8x197x3072xf32>, %v41: tensor<12x8x197x3072xf32>, %v42: tensor<12x8x197x3072xf32>, %v43: tensor<12x8x197x3072xf32>, %v44: tensor<12x8x197x768xf32>, %v45: tensor<12x8x197x768xf32>, %v46: tensor<12x8x197x768xf32>, %v47: tensor<12x8x197x768xf32>, %v48: tensor<12x8x197x1xf32>, %v49: tensor<12x8x197x768xf32>, %v50: tensor<12x8x197x12x64xf32>, %v51: tensor<12x8x12x197x197xf32>, %v52: tensor<12x8x12x197x197xf32>, %v53: tensor<12x8x12x197x197xf32>, %v54: tensor<12x8x197x12x64xf32>, %v55: tensor<12x8x197x12x64xf32>, %v56: tensor<12x8x197x768xf32>, %v57: tensor<12x8x197x768xf32>, %v58: tensor<12x8x197x768xf32>, %v59: tensor<12x8x197x768xf32>, %v60: tensor<12x8x197x1xf32>):
        %v61 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v62 = "stablehlo.compare"(%v25, %v61) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v62) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v63: tensor<i32>, %v64: tensor<8x197x768xf32>, %v65: tensor<12x768xf32>, %v66: tensor<12x768xf32>, %v67: tensor<12x2304x768xf32>, %v68: tensor<12x2304xf32>, %v69: tensor<12x768x768xf32>, %v70: tensor<12x768xf32>, %v71: tensor<12x768xf32>, %v72: tensor<12x768xf32>, %v73: tensor<12x3072x768xf32>, %v74: tensor<12x3072xf32>, %v75: tensor<12x768x3072xf32>, %v76: tensor<12x768xf32>, %v77: tensor<12x8x197x768xf32>, %v78: tensor<12x8x197x3072xf32>, %v79: tensor<12x8x197x3072xf32>, %v80: tensor<12x8x197x3072xf32>, %v81: tensor<12x8x197x3072xf32>, %v82: tensor<12x8x197x768xf32>, %v83: tensor<12x8x197x768xf32>, %v84: tensor<12x8x197x768xf32>, %v85: tensor<12x8x197x768xf32>, %v86: tensor<12x8x197x1xf32>, %v87: tensor<12x8x197x768xf32>, %v88: tensor<12x8x197x12x64xf32>, %v89: tensor<12x8x12x197x197xf32>, %v90: tensor<12x8x12x197x197xf32>, %v91: tensor<12x8x12x197x197xf32>, %v92: tensor<12x8x197x12x64xf32>, %v93: tensor<12x8x197x12x64xf32>, %v94: tensor<12x8x197x768xf32>, %v95: tensor<12x8x197x768xf32>, %v96: tensor<12x8x197x768xf32>, %v97: tensor<12x8x197x768xf32>, %v98: tensor<12x8x197x1xf32>):
        %v99 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v100 = "stablehlo.dynamic_slice"(%v65, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v101 = "stablehlo.reshape"(%v100) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v102 = "stablehlo.dynamic_slice"(%v66, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v103 = "stablehlo.reshape"(%v102) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v104 = "stablehlo.dynamic_slice"(%v67, %v63, %v99, %v99) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v105 = "stablehlo.reshape"(%v104) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v106 = "stablehlo.dynamic_slice"(%v68, %v63, %v99) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v107 = "stablehlo.reshape"(%v106) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v108 = "stablehlo.dynamic_slice"(%v69, %v63, %v99, %v99) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v109 = "stablehlo.reshape"(%v108) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v110 = "stablehlo.dynamic_slice"(%v70, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v111 = "stablehlo.reshape"(%v110) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v112 = "stablehlo.dynamic_slice"(%v71, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v113 = "stablehlo.reshape"(%v112) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v114 = "stablehlo.dynamic_slice"(%v72, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v115 = "stablehlo.reshape"(%v114) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v116 = "stablehlo.dynamic_slice"(%v73, %v63, %v99, %v99) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v117 = "stablehlo.reshape"(%v116) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v118 = "stablehlo.dynamic_slice"(%v74, %v63, %v99) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v119 = "stablehlo.reshape"(%v118) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v120 = "stablehlo.dynamic_slice"(%v75, %v63, %v99, %v99) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v121 = "stablehlo.reshape"(%v120) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v122 = "stablehlo.dynamic_slice"(%v76, %v63, %v99) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v123 = "stablehlo.reshape"(%v122) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v124 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v128 = "stablehlo.reduce"(%v64, %v124) ({
          ^bb0(%v125: tensor<f32>, %v126: tensor<f32>):
            %v127 = "stablehlo.add"(%v125, %v126) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v127) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v129 = "stablehlo.reshape"(%v128) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v130 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v131 = "stablehlo.broadcast_in_dim"(%v130) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v132 = "stablehlo.divide"(%v129, %v131) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v133 = "stablehlo.broadcast_in_dim"(%v132) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v134 = "stablehlo.subtract"(%v64, %v133) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v135 = "stablehlo.multiply"(%v134, %v134) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v136 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v140 = "stablehlo.reduce"(%v135, %v136) ({
          ^bb0(%v137: tensor<f32>, %v138: tensor<f32>):
            %v139 = "stablehlo.add"(%v137, %v138) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v139) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v141 = "stablehlo.reshape"(%v140) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v142 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v143 = "stablehlo.broadcast_in_dim"(%v142) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v144 = "stablehlo.divide"(%v141, %v143) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v145 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v146 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v147 = "stablehlo.add"(%v144, %v146) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v148 = "stablehlo.rsqrt"(%v147) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v149 = "stablehlo.broadcast_in_dim"(%v148) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v150 = "stablehlo.multiply"(%v134, %v149) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v151 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v152 = "stablehlo.multiply"(%v150, %v151) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v153 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v154 = "stablehlo.add"(%v152, %v153) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v155 = "stablehlo.dot_general"(%v154, %v105) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
        %v156 = "stablehlo.broadcast_in_dim"(%v107) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
        %v157 = "stablehlo.add"(%v155, %v156) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v158 = "stablehlo.slice"(%v157) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 8, 197, 768>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v159 = "stablehlo.slice"(%v157) {start_indices = array<i64: 0, 0, 768>, limit_indices = array<i64: 8, 197, 1536>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v160 = "stablehlo.slice"(%v157) {start_indices = array<i64: 0, 0, 1536>, limit_indices = array<i64: 8, 197, 2304>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v161 = "stablehlo.reshape"(%v158) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v162 = "stablehlo.reshape"(%v159) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v163 = "stablehlo.reshape"(%v160) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v164 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v165 = "stablehlo.broadcast_in_dim"(%v164) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x12x64xf32>
        %v166 = "stablehlo.multiply"(%v161, %v165) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v167 = "stablehlo.dot_general"(%v166, %v162) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 2], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
        %v168 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
        %v172 = "stablehlo.reduce"(%v167, %v168) ({
          ^bb0(%v169: tensor<f32>, %v170: tensor<f32>):
            %v171 = "stablehlo.maximum"(%v169, %v170) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v171) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v173 = "stablehlo.reshape"(%v172) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v174 = "stablehlo.broadcast_in_dim"(%v173) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v175 = "stablehlo.subtract"(%v167, %v174) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v176 = "stablehlo.exponential"(%v175) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v177 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v181 = "stablehlo.reduce"(%v176, %v177) ({
          ^bb0(%v178: tensor<f32>, %v179: tensor<f32>):
            %v180 = "stablehlo.add"(%v178, %v179) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v180) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v182 = "stablehlo.reshape"(%v181) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v183 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v184 = "stablehlo.divide"(%v176, %v183) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v185 = "stablehlo.dot_general"(%v184, %v163) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v186 = "stablehlo.transpose"(%v185) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v187 = "stablehlo.reshape"(%v186) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v188 = "stablehlo.dot_general"(%v187, %v109) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v189 = "stablehlo.broadcast_in_dim"(%v111) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v190 = "stablehlo.add"(%v188, %v189) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v191 = "stablehlo.add"(%v64, %v190) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v192 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v196 = "stablehlo.reduce"(%v191, %v192) ({
          ^bb0(%v193: tensor<f32>, %v194: tensor<f32>):
            %v195 = "stablehlo.add"(%v193, %v194) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v195) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v197 = "stablehlo.reshape"(%v196) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v198 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v199 = "stablehlo.broadcast_in_dim"(%v198) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v200 = "stablehlo.divide"(%v197, %v199) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v201 = "stablehlo.broadcast_in_dim"(%v200) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v202 = "stablehlo.subtract"(%v191, %v201) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v203 = "stablehlo.multiply"(%v202, %v202) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v204 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v208 = "stablehlo.reduce"(%v203, %v204) ({
          ^bb0(%v205: tensor<f32>, %v206: tensor<f32>):
            %v207 = "stablehlo.add"(%v205, %v206) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v207) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v209 = "stablehlo.reshape"(%v208) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v210 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v211 = "stablehlo.broadcast_in_dim"(%v210) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v212 = "stablehlo.divide"(%v209, %v211) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v213 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v214 = "stablehlo.broadcast_in_dim"(%v213) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v215 = "stablehlo.add"(%v212, %v214) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v216 = "stablehlo.rsqrt"(%v215) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v217 = "stablehlo.broadcast_in_dim"(%v216) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v218 = "stablehlo.multiply"(%v202, %v217) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v219 = "stablehlo.broadcast_in_dim"(%v113) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v220 = "stablehlo.multiply"(%v218, %v219) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v221 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v222 = "stablehlo.add"(%v220, %v221) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v223 = "stablehlo.dot_general"(%v222, %v117) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
        %v224 = "stablehlo.broadcast_in_dim"(%v119) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
        %v225 = "stablehlo.add"(%v223, %v224) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v226 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v227 = "stablehlo.broadcast_in_dim"(%v226) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v228 = "stablehlo.multiply"(%v225, %v227) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v229 = "chlo.erf"(%v228) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v230 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v231 = "stablehlo.broadcast_in_dim"(%v230) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v232 = "stablehlo.multiply"(%v225, %v231) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v233 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v234 = "stablehlo.broadcast_in_dim"(%v233) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v235 = "stablehlo.add"(%v229, %v234) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v236 = "stablehlo.multiply"(%v232, %v235) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v237 = "stablehlo.dot_general"(%v236, %v121) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x3072xf32>, tensor<768x3072xf32>) -> tensor<8x197x768xf32>
        %v238 = "stablehlo.broadcast_in_dim"(%v123) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v239 = "stablehlo.add"(%v237, %v238) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v240 = "stablehlo.add"(%v191, %v239) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v241 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v242 = "stablehlo.add"(%v63, %v241) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v243 = "stablehlo.reshape"(%v64) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v244 = "stablehlo.dynamic_update_slice"(%v77, %v243, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v245 = "stablehlo.reshape"(%v236) : (tensor<8x197x3072xf32>) -> tensor<1x8x197x3072xf32>
        %v246 = "stablehlo.dynamic_update_slice"(%v78, %v245, %v63, %v99, %v99, %v99) : (tensor<12x8x197x3072xf32>, tensor<1x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x3072xf32>
        %v247 = "stablehlo.reshape"(%v235) : (tensor<8x197x3072xf32>) -> tensor<1x8x197x3072xf32>
        %v248 = "stablehlo.dynamic_update_slice"(%v79, %v247, %v63, %v99, %v99, %v99) : (tensor<12x8x197x3072xf32>, tensor<1x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x3072xf32>
        %v249 = "stablehlo.reshape"(%v232) : (tensor<8x197x3072xf32>) -> tensor<1x8x197x3072xf32>
        %v250 = "stablehlo.dynamic_update_slice"(%v80, %v249, %v63, %v99, %v99, %v99) : (tensor<12x8x197x3072xf32>, tensor<1x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x3072xf32>
        %v251 = "stablehlo.reshape"(%v228) : (tensor<8x197x3072xf32>) -> tensor<1x8x197x3072xf32>
        %v252 = "stablehlo.dynamic_update_slice"(%v81, %v251, %v63, %v99, %v99, %v99) : (tensor<12x8x197x3072xf32>, tensor<1x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x3072xf32>
        %v253 = "stablehlo.reshape"(%v222) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v254 = "stablehlo.dynamic_update_slice"(%v82, %v253, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v255 = "stablehlo.reshape"(%v218) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v256 = "stablehlo.dynamic_update_slice"(%v83, %v255, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v257 = "stablehlo.reshape"(%v217) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v258 = "stablehlo.dynamic_update_slice"(%v84, %v257, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v259 = "stablehlo.reshape"(%v202) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v260 = "stablehlo.dynamic_update_slice"(%v85, %v259, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v261 = "stablehlo.reshape"(%v216) : (tensor<8x197x1xf32>) -> tensor<1x8x197x1xf32>
        %v262 = "stablehlo.dynamic_update_slice"(%v86, %v261, %v63, %v99, %v99, %v99) : (tensor<12x8x197x1xf32>, tensor<1x8x197x1xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x1xf32>
        %v263 = "stablehlo.reshape"(%v187) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v264 = "stablehlo.dynamic_update_slice"(%v87, %v263, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v265 = "stablehlo.reshape"(%v163) : (tensor<8x197x12x64xf32>) -> tensor<1x8x197x12x64xf32>
        %v266 = "stablehlo.dynamic_update_slice"(%v88, %v265, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x197x12x64xf32>, tensor<1x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x12x64xf32>
        %v267 = "stablehlo.reshape"(%v184) : (tensor<8x12x197x197xf32>) -> tensor<1x8x12x197x197xf32>
        %v268 = "stablehlo.dynamic_update_slice"(%v89, %v267, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x12x197x197xf32>, tensor<1x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197x197xf32>
        %v269 = "stablehlo.reshape"(%v183) : (tensor<8x12x197x197xf32>) -> tensor<1x8x12x197x197xf32>
        %v270 = "stablehlo.dynamic_update_slice"(%v90, %v269, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x12x197x197xf32>, tensor<1x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197x197xf32>
        %v271 = "stablehlo.reshape"(%v176) : (tensor<8x12x197x197xf32>) -> tensor<1x8x12x197x197xf32>
        %v272 = "stablehlo.dynamic_update_slice"(%v91, %v271, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x12x197x197xf32>, tensor<1x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197x197xf32>
        %v273 = "stablehlo.reshape"(%v162) : (tensor<8x197x12x64xf32>) -> tensor<1x8x197x12x64xf32>
        %v274 = "stablehlo.dynamic_update_slice"(%v92, %v273, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x197x12x64xf32>, tensor<1x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x12x64xf32>
        %v275 = "stablehlo.reshape"(%v166) : (tensor<8x197x12x64xf32>) -> tensor<1x8x197x12x64xf32>
        %v276 = "stablehlo.dynamic_update_slice"(%v93, %v275, %v63, %v99, %v99, %v99, %v99) : (tensor<12x8x197x12x64xf32>, tensor<1x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x12x64xf32>
        %v277 = "stablehlo.reshape"(%v154) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v278 = "stablehlo.dynamic_update_slice"(%v94, %v277, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v279 = "stablehlo.reshape"(%v150) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v280 = "stablehlo.dynamic_update_slice"(%v95, %v279, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v281 = "stablehlo.reshape"(%v149) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v282 = "stablehlo.dynamic_update_slice"(%v96, %v281, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v283 = "stablehlo.reshape"(%v134) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v284 = "stablehlo.dynamic_update_slice"(%v97, %v283, %v63, %v99, %v99, %v99) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v285 = "stablehlo.reshape"(%v148) : (tensor<8x197x1xf32>) -> tensor<1x8x197x1xf32>
        %v286 = "stablehlo.dynamic_update_slice"(%v98, %v285, %v63, %v99, %v99, %v99) : (tensor<12x8x197x1xf32>, tensor<1x8x197x1xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x1xf32>
        "stablehlo.return"(%v242, %v240, %v65, %v66, %v67, %v68, %v69, %v70, %v71, %v72, %v73, %v74, %v75, %v76, %v244, %v246, %v248, %v250, %v252, %v254, %v256, %v258, %v260, %v262, %v264, %v266, %v268, %v270, %v272, %v274, %v276, %v278, %v280, %v282, %v284, %v286) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>)
    %v287 = "stablehlo.multiply"(%v24#1, %v24#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v288 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v292 = "stablehlo.reduce"(%v287, %v288) ({
      ^bb0(%v289: tensor<f32>, %v290: tensor<f32>):
        %v291 = "stablehlo.add"(%v289, %v290) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v291) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<f32>
    %v293 = "stablehlo.constant"() {value = dense<0x4993C000> : tensor<f32>} : () -> tensor<f32>
    %v294 = "stablehlo.divide"(%v292, %v293) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v295 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v296 = "stablehlo.divide"(%v295, %v293) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v297 = "stablehlo.broadcast_in_dim"(%v296) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x768xf32>
    %v298 = "stablehlo.multiply"(%v297, %v24#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v299 = "stablehlo.multiply"(%v297, %v24#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v300 = "stablehlo.add"(%v298, %v299) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v301 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v302 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v303 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v304 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304x768xf32>} : () -> tensor<12x2304x768xf32>
    %v305 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304xf32>} : () -> tensor<12x2304xf32>
    %v306 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x768xf32>} : () -> tensor<12x768x768xf32>
    %v307 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v308 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v309 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v310 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072x768xf32>} : () -> tensor<12x3072x768xf32>
    %v311 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072xf32>} : () -> tensor<12x3072xf32>
    %v312 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x3072xf32>} : () -> tensor<12x768x3072xf32>
    %v313 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v314:48 = "stablehlo.while"(%v301, %v300, %v24#14, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v24#15, %v24#16, %v24#17, %v24#18, %v24#19, %v24#20, %v24#21, %v24#22, %v24#23, %v24#24, %v24#25, %v24#26, %v24#27, %v24#28, %v24#29, %v24#30, %v24#31, %v24#32, %v24#33, %v24#34, %v24#35, %v302, %v303, %v304, %v305, %v306, %v307, %v308, %v309, %v310, %v311, %v312, %v313) ({
      ^bb0(%v315: tensor<i32>, %v316: tensor<8x197x768xf32>, %v317: tensor<12x8x197x768xf32>, %v318: tensor<12x768xf32>, %v319: tensor<12x768xf32>, %v320: tensor<12x2304x768xf32>, %v321: tensor<12x2304xf32>, %v322: tensor<12x768x768xf32>, %v323: tensor<12x768xf32>, %v324: tensor<12x768xf32>, %v325: tensor<12x768xf32>, %v326: tensor<12x3072x768xf32>, %v327: tensor<12x3072xf32>, %v328: tensor<12x768x3072xf32>, %v329: tensor<12x768xf32>, %v330: tensor<12x8x197x3072xf32>, %v331: tensor<12x8x197x3072xf32>, %v332: tensor<12x8x197x3072xf32>, %v333: tensor<12x8x197x3072xf32>, %v334: tensor<12x8x197x768xf32>, %v335: tensor<12x8x197x768xf32>, %v336: tensor<12x8x197x768xf32>, %v337: tensor<12x8x197x768xf32>, %v338: tensor<12x8x197x1xf32>, %v339: tensor<12x8x197x768xf32>, %v340: tensor<12x8x197x12x64xf32>, %v341: tensor<12x8x12x197x197xf32>, %v342: tensor<12x8x12x197x197xf32>, %v343: tensor<12x8x12x197x197xf32>, %v344: tensor<12x8x197x12x64xf32>, %v345: tensor<12x8x197x12x64xf32>, %v346: tensor<12x8x197x768xf32>, %v347: tensor<12x8x197x768xf32>, %v348: tensor<12x8x197x768xf32>, %v349: tensor<12x8x197x768xf32>, %v350: tensor<12x8x197x1xf32>, %v351: tensor<12x768xf32>, %v352: tensor<12x768xf32>, %v353: tensor<12x2304x768xf32>, %v354: tensor<12x2304xf32>, %v355: tensor<12x768x768xf32>, %v356: tensor<12x768xf32>, %v357: tensor<12x768xf32>, %v358: tensor<12x768xf32>, %v359: tensor<12x3072x768xf32>, %v360: tensor<12x3072xf32>, %v361: tensor<12x768x3072xf32>, %v362: tensor<12x768xf32>):
        %v363 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v364 = "stablehlo.compare"(%v315, %v363) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v364) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v365: tensor<i32>, %v366: tensor<8x197x768xf32>, %v367: tensor<12x8x197x768xf32>, %v368: tensor<12x768xf32>, %v369: tensor<12x768xf32>, %v370: tensor<12x2304x768xf32>, %v371: tensor<12x2304xf32>, %v372: tensor<12x768x768xf32>, %v373: tensor<12x768xf32>, %v374: tensor<12x768xf32>, %v375: tensor<12x768xf32>, %v376: tensor<12x3072x768xf32>, %v377: tensor<12x3072xf32>, %v378: tensor<12x768x3072xf32>, %v379: tensor<12x768xf32>, %v380: tensor<12x8x197x3072xf32>, %v381: tensor<12x8x197x3072xf32>, %v382: tensor<12x8x197x3072xf32>, %v383: tensor<12x8x197x3072xf32>, %v384: tensor<12x8x197x768xf32>, %v385: tensor<12x8x197x768xf32>, %v386: tensor<12x8x197x768xf32>, %v387: tensor<12x8x197x768xf32>, %v388: tensor<12x8x197x1xf32>, %v389: tensor<12x8x197x768xf32>, %v390: tensor<12x8x197x12x64xf32>, %v391: tensor<12x8x12x197x197xf32>, %v392: tensor<12x8x12x197x197xf32>, %v393: tensor<12x8x12x197x197xf32>, %v394: tensor<12x8x197x12x64xf32>, %v395: tensor<12x8x197x12x64xf32>, %v396: tensor<12x8x197x768xf32>, %v397: tensor<12x8x197x768xf32>, %v398: tensor<12x8x197x768xf32>, %v399: tensor<12x8x197x768xf32>, %v400: tensor<12x8x197x1xf32>, %v401: tensor<12x768xf32>, %v402: tensor<12x768xf32>, %v403: tensor<12x2304x768xf32>, %v404: tensor<12x2304xf32>, %v405: tensor<12x768x768xf32>, %v406: tensor<12x768xf32>, %v407: tensor<12x768xf32>, %v408: tensor<12x768xf32>, %v409: tensor<12x3072x768xf32>, %v410: tensor<12x3072xf32>, %v411: tensor<12x768x3072xf32>, %v412: tensor<12x768xf32>):
        %v413 = "stablehlo.constant"() {value = dense<11> : tensor<i32>} : () -> tensor<i32>
        %v414 = "stablehlo.subtract"(%v413, %v365) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v415 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v416 = "stablehlo.dynamic_slice"(%v367, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v417 = "stablehlo.reshape"(%v416) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v418 = "stablehlo.dynamic_slice"(%v368, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v419 = "stablehlo.reshape"(%v418) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v420 = "stablehlo.dynamic_slice"(%v369, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v421 = "stablehlo.reshape"(%v420) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v422 = "stablehlo.dynamic_slice"(%v370, %v414, %v415, %v415) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v423 = "stablehlo.reshape"(%v422) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v424 = "stablehlo.dynamic_slice"(%v371, %v414, %v415) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v425 = "stablehlo.reshape"(%v424) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v426 = "stablehlo.dynamic_slice"(%v372, %v414, %v415, %v415) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v427 = "stablehlo.reshape"(%v426) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v428 = "stablehlo.dynamic_slice"(%v373, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v429 = "stablehlo.reshape"(%v428) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v430 = "stablehlo.dynamic_slice"(%v374, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v431 = "stablehlo.reshape"(%v430) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v432 = "stablehlo.dynamic_slice"(%v375, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v433 = "stablehlo.reshape"(%v432) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v434 = "stablehlo.dynamic_slice"(%v376, %v414, %v415, %v415) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v435 = "stablehlo.reshape"(%v434) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v436 = "stablehlo.dynamic_slice"(%v377, %v414, %v415) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v437 = "stablehlo.reshape"(%v436) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v438 = "stablehlo.dynamic_slice"(%v378, %v414, %v415, %v415) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v439 = "stablehlo.reshape"(%v438) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v440 = "stablehlo.dynamic_slice"(%v379, %v414, %v415) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v441 = "stablehlo.reshape"(%v440) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v442 = "stablehlo.dynamic_slice"(%v380, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 3072>} : (tensor<12x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x3072xf32>
        %v443 = "stablehlo.reshape"(%v442) : (tensor<1x8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v444 = "stablehlo.dynamic_slice"(%v381, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 3072>} : (tensor<12x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x3072xf32>
        %v445 = "stablehlo.reshape"(%v444) : (tensor<1x8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v446 = "stablehlo.dynamic_slice"(%v382, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 3072>} : (tensor<12x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x3072xf32>
        %v447 = "stablehlo.reshape"(%v446) : (tensor<1x8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v448 = "stablehlo.dynamic_slice"(%v383, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 3072>} : (tensor<12x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x3072xf32>
        %v449 = "stablehlo.reshape"(%v448) : (tensor<1x8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v450 = "stablehlo.dynamic_slice"(%v384, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v451 = "stablehlo.reshape"(%v450) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v452 = "stablehlo.dynamic_slice"(%v385, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v453 = "stablehlo.reshape"(%v452) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v454 = "stablehlo.dynamic_slice"(%v386, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v455 = "stablehlo.reshape"(%v454) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v456 = "stablehlo.dynamic_slice"(%v387, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v457 = "stablehlo.reshape"(%v456) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v458 = "stablehlo.dynamic_slice"(%v388, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 1>} : (tensor<12x8x197x1xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x1xf32>
        %v459 = "stablehlo.reshape"(%v458) : (tensor<1x8x197x1xf32>) -> tensor<8x197x1xf32>
        %v460 = "stablehlo.dynamic_slice"(%v389, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v461 = "stablehlo.reshape"(%v460) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v462 = "stablehlo.dynamic_slice"(%v390, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 12, 64>} : (tensor<12x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x12x64xf32>
        %v463 = "stablehlo.reshape"(%v462) : (tensor<1x8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v464 = "stablehlo.dynamic_slice"(%v391, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 12, 197, 197>} : (tensor<12x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197x197xf32>
        %v465 = "stablehlo.reshape"(%v464) : (tensor<1x8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v466 = "stablehlo.dynamic_slice"(%v392, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 12, 197, 197>} : (tensor<12x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197x197xf32>
        %v467 = "stablehlo.reshape"(%v466) : (tensor<1x8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v468 = "stablehlo.dynamic_slice"(%v393, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 12, 197, 197>} : (tensor<12x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197x197xf32>
        %v469 = "stablehlo.reshape"(%v468) : (tensor<1x8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v470 = "stablehlo.dynamic_slice"(%v394, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 12, 64>} : (tensor<12x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x12x64xf32>
        %v471 = "stablehlo.reshape"(%v470) : (tensor<1x8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v472 = "stablehlo.dynamic_slice"(%v395, %v414, %v415, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 12, 64>} : (tensor<12x8x197x12x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x12x64xf32>
        %v473 = "stablehlo.reshape"(%v472) : (tensor<1x8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v474 = "stablehlo.dynamic_slice"(%v396, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v475 = "stablehlo.reshape"(%v474) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v476 = "stablehlo.dynamic_slice"(%v397, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v477 = "stablehlo.reshape"(%v476) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v478 = "stablehlo.dynamic_slice"(%v398, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v479 = "stablehlo.reshape"(%v478) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v480 = "stablehlo.dynamic_slice"(%v399, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v481 = "stablehlo.reshape"(%v480) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v482 = "stablehlo.dynamic_slice"(%v400, %v414, %v415, %v415, %v415) {slice_sizes = array<i64: 1, 8, 197, 1>} : (tensor<12x8x197x1xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x1xf32>
        %v483 = "stablehlo.reshape"(%v482) : (tensor<1x8x197x1xf32>) -> tensor<8x197x1xf32>
        %v484 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v485 = "stablehlo.broadcast_in_dim"(%v484) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v486 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v487 = "stablehlo.broadcast_in_dim"(%v486) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v488 = "stablehlo.broadcast_in_dim"(%v419) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v489 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v490 = "stablehlo.broadcast_in_dim"(%v489) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x12x64xf32>
        %v491 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v492 = "stablehlo.broadcast_in_dim"(%v491) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v493 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v494 = "stablehlo.broadcast_in_dim"(%v493) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v495 = "stablehlo.broadcast_in_dim"(%v431) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v496 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v497 = "stablehlo.broadcast_in_dim"(%v496) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v498 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v499 = "stablehlo.broadcast_in_dim"(%v498) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v500 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v504 = "stablehlo.reduce"(%v366, %v500) ({
          ^bb0(%v501: tensor<f32>, %v502: tensor<f32>):
            %v503 = "stablehlo.add"(%v501, %v502) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v503) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v505 = "stablehlo.dot_general"(%v366, %v439) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x3072xf32>) -> tensor<8x197x3072xf32>
        %v506 = "stablehlo.dot_general"(%v366, %v443) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x3072xf32>) -> tensor<768x3072xf32>
        %v507 = "stablehlo.multiply"(%v505, %v445) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v508 = "stablehlo.multiply"(%v505, %v447) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v509 = "stablehlo.multiply"(%v507, %v499) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v510 = "stablehlo.multiply"(%v449, %v449) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v511 = "stablehlo.negate"(%v510) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v512 = "stablehlo.exponential"(%v511) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v513 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
        %v514 = "stablehlo.broadcast_in_dim"(%v513) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v515 = "stablehlo.multiply"(%v512, %v514) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v516 = "stablehlo.multiply"(%v508, %v515) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v517 = "stablehlo.multiply"(%v516, %v497) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v518 = "stablehlo.add"(%v509, %v517) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v519 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v523 = "stablehlo.reduce"(%v518, %v519) ({
          ^bb0(%v520: tensor<f32>, %v521: tensor<f32>):
            %v522 = "stablehlo.add"(%v520, %v521) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v522) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x3072xf32>, tensor<f32>) -> tensor<3072xf32>
        %v524 = "stablehlo.dot_general"(%v518, %v435) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x3072xf32>, tensor<3072x768xf32>) -> tensor<8x197x768xf32>
        %v525 = "stablehlo.dot_general"(%v518, %v451) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x3072xf32>, tensor<8x197x768xf32>) -> tensor<3072x768xf32>
        %v526 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v530 = "stablehlo.reduce"(%v524, %v526) ({
          ^bb0(%v527: tensor<f32>, %v528: tensor<f32>):
            %v529 = "stablehlo.add"(%v527, %v528) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v529) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v531 = "stablehlo.multiply"(%v524, %v495) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v532 = "stablehlo.multiply"(%v524, %v453) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v533 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v537 = "stablehlo.reduce"(%v532, %v533) ({
          ^bb0(%v534: tensor<f32>, %v535: tensor<f32>):
            %v536 = "stablehlo.add"(%v534, %v535) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v536) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v538 = "stablehlo.multiply"(%v531, %v455) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v539 = "stablehlo.multiply"(%v531, %v457) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v540 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v544 = "stablehlo.reduce"(%v539, %v540) ({
          ^bb0(%v541: tensor<f32>, %v542: tensor<f32>):
            %v543 = "stablehlo.add"(%v541, %v542) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v543) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v545 = "stablehlo.reshape"(%v544) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v546 = "stablehlo.multiply"(%v459, %v459) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v547 = "stablehlo.multiply"(%v546, %v459) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v548 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v549 = "stablehlo.broadcast_in_dim"(%v548) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v550 = "stablehlo.multiply"(%v547, %v549) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v551 = "stablehlo.multiply"(%v545, %v550) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v552 = "stablehlo.divide"(%v551, %v494) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v553 = "stablehlo.reshape"(%v552) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v554 = "stablehlo.broadcast_in_dim"(%v553) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v555 = "stablehlo.multiply"(%v554, %v457) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v556 = "stablehlo.multiply"(%v554, %v457) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v557 = "stablehlo.add"(%v538, %v555) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v558 = "stablehlo.add"(%v557, %v556) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v559 = "stablehlo.negate"(%v558) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v560 = "stablehlo.add"(%v366, %v558) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v561 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v565 = "stablehlo.reduce"(%v559, %v561) ({
          ^bb0(%v562: tensor<f32>, %v563: tensor<f32>):
            %v564 = "stablehlo.add"(%v562, %v563) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v564) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v566 = "stablehlo.reshape"(%v565) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v567 = "stablehlo.divide"(%v566, %v492) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v568 = "stablehlo.reshape"(%v567) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v569 = "stablehlo.broadcast_in_dim"(%v568) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v570 = "stablehlo.add"(%v560, %v569) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v571 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v575 = "stablehlo.reduce"(%v570, %v571) ({
          ^bb0(%v572: tensor<f32>, %v573: tensor<f32>):
            %v574 = "stablehlo.add"(%v572, %v573) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v574) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v576 = "stablehlo.dot_general"(%v570, %v427) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v577 = "stablehlo.dot_general"(%v570, %v461) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<768x768xf32>
        %v578 = "stablehlo.reshape"(%v576) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v579 = "stablehlo.transpose"(%v578) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v580 = "stablehlo.dot_general"(%v579, %v463) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x12x197x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
        %v581 = "stablehlo.dot_general"(%v579, %v465) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x64x197xf32>
        %v582 = "stablehlo.transpose"(%v581) {permutation = array<i64: 0, 3, 1, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x197x12x64xf32>
        %v583 = "stablehlo.divide"(%v580, %v467) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v584 = "stablehlo.multiply"(%v580, %v465) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v585 = "stablehlo.divide"(%v584, %v467) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v586 = "stablehlo.negate"(%v585) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v587 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v591 = "stablehlo.reduce"(%v586, %v587) ({
          ^bb0(%v588: tensor<f32>, %v589: tensor<f32>):
            %v590 = "stablehlo.add"(%v588, %v589) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v590) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v592 = "stablehlo.reshape"(%v591) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v593 = "stablehlo.reshape"(%v592) : (tensor<8x12x197x1xf32>) -> tensor<8x12x197xf32>
        %v594 = "stablehlo.broadcast_in_dim"(%v593) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x12x197xf32>) -> tensor<8x12x197x197xf32>
        %v595 = "stablehlo.add"(%v583, %v594) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v596 = "stablehlo.multiply"(%v595, %v469) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v597 = "stablehlo.dot_general"(%v596, %v471) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v598 = "stablehlo.transpose"(%v597) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v599 = "stablehlo.dot_general"(%v596, %v473) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v600 = "stablehlo.transpose"(%v599) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v601 = "stablehlo.multiply"(%v598, %v490) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v602 = "stablehlo.reshape"(%v582) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v603 = "stablehlo.reshape"(%v600) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v604 = "stablehlo.reshape"(%v601) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v605 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v606 = "stablehlo.pad"(%v602, %v605) {edge_padding_low = array<i64: 0, 0, 1536>, edge_padding_high = array<i64: 0, 0, 0>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v607 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v608 = "stablehlo.pad"(%v603, %v607) {edge_padding_low = array<i64: 0, 0, 768>, edge_padding_high = array<i64: 0, 0, 768>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v609 = "stablehlo.add"(%v606, %v608) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v610 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v611 = "stablehlo.pad"(%v604, %v610) {edge_padding_low = array<i64: 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1536>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v612 = "stablehlo.add"(%v609, %v611) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v613 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v617 = "stablehlo.reduce"(%v612, %v613) ({
          ^bb0(%v614: tensor<f32>, %v615: tensor<f32>):
            %v616 = "stablehlo.add"(%v614, %v615) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v616) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x2304xf32>, tensor<f32>) -> tensor<2304xf32>
        %v618 = "stablehlo.dot_general"(%v612, %v423) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x2304xf32>, tensor<2304x768xf32>) -> tensor<8x197x768xf32>
        %v619 = "stablehlo.dot_general"(%v612, %v475) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x2304xf32>, tensor<8x197x768xf32>) -> tensor<2304x768xf32>
        %v620 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v624 = "stablehlo.reduce"(%v618, %v620) ({
          ^bb0(%v621: tensor<f32>, %v622: tensor<f32>):
            %v623 = "stablehlo.add"(%v621, %v622) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v623) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v625 = "stablehlo.multiply"(%v618, %v488) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v626 = "stablehlo.multiply"(%v618, %v477) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v627 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v631 = "stablehlo.reduce"(%v626, %v627) ({
          ^bb0(%v628: tensor<f32>, %v629: tensor<f32>):
            %v630 = "stablehlo.add"(%v628, %v629) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v630) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v632 = "stablehlo.multiply"(%v625, %v479) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v633 = "stablehlo.multiply"(%v625, %v481) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v634 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v638 = "stablehlo.reduce"(%v633, %v634) ({
          ^bb0(%v635: tensor<f32>, %v636: tensor<f32>):
            %v637 = "stablehlo.add"(%v635, %v636) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v637) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v639 = "stablehlo.reshape"(%v638) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v640 = "stablehlo.multiply"(%v483, %v483) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v641 = "stablehlo.multiply"(%v640, %v483) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v642 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v643 = "stablehlo.broadcast_in_dim"(%v642) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v644 = "stablehlo.multiply"(%v641, %v643) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v645 = "stablehlo.multiply"(%v639, %v644) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v646 = "stablehlo.divide"(%v645, %v487) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v647 = "stablehlo.reshape"(%v646) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v648 = "stablehlo.broadcast_in_dim"(%v647) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v649 = "stablehlo.multiply"(%v648, %v481) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v650 = "stablehlo.multiply"(%v648, %v481) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v651 = "stablehlo.add"(%v632, %v649) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v652 = "stablehlo.add"(%v651, %v650) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v653 = "stablehlo.negate"(%v652) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v654 = "stablehlo.add"(%v570, %v652) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v655 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v659 = "stablehlo.reduce"(%v653, %v655) ({
          ^bb0(%v656: tensor<f32>, %v657: tensor<f32>):
            %v658 = "stablehlo.add"(%v656, %v657) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v658) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v660 = "stablehlo.reshape"(%v659) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v661 = "stablehlo.divide"(%v660, %v485) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v662 = "stablehlo.reshape"(%v661) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v663 = "stablehlo.broadcast_in_dim"(%v662) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v664 = "stablehlo.add"(%v654, %v663) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v665 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v666 = "stablehlo.add"(%v365, %v665) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v667 = "stablehlo.reshape"(%v631) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v668 = "stablehlo.dynamic_update_slice"(%v401, %v667, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v669 = "stablehlo.reshape"(%v624) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v670 = "stablehlo.dynamic_update_slice"(%v402, %v669, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v671 = "stablehlo.reshape"(%v619) : (tensor<2304x768xf32>) -> tensor<1x2304x768xf32>
        %v672 = "stablehlo.dynamic_update_slice"(%v403, %v671, %v414, %v415, %v415) : (tensor<12x2304x768xf32>, tensor<1x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x2304x768xf32>
        %v673 = "stablehlo.reshape"(%v617) : (tensor<2304xf32>) -> tensor<1x2304xf32>
        %v674 = "stablehlo.dynamic_update_slice"(%v404, %v673, %v414, %v415) : (tensor<12x2304xf32>, tensor<1x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<12x2304xf32>
        %v675 = "stablehlo.reshape"(%v577) : (tensor<768x768xf32>) -> tensor<1x768x768xf32>
        %v676 = "stablehlo.dynamic_update_slice"(%v405, %v675, %v414, %v415, %v415) : (tensor<12x768x768xf32>, tensor<1x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x768xf32>
        %v677 = "stablehlo.reshape"(%v575) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v678 = "stablehlo.dynamic_update_slice"(%v406, %v677, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v679 = "stablehlo.reshape"(%v537) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v680 = "stablehlo.dynamic_update_slice"(%v407, %v679, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v681 = "stablehlo.reshape"(%v530) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v682 = "stablehlo.dynamic_update_slice"(%v408, %v681, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v683 = "stablehlo.reshape"(%v525) : (tensor<3072x768xf32>) -> tensor<1x3072x768xf32>
        %v684 = "stablehlo.dynamic_update_slice"(%v409, %v683, %v414, %v415, %v415) : (tensor<12x3072x768xf32>, tensor<1x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x3072x768xf32>
        %v685 = "stablehlo.reshape"(%v523) : (tensor<3072xf32>) -> tensor<1x3072xf32>
        %v686 = "stablehlo.dynamic_update_slice"(%v410, %v685, %v414, %v415) : (tensor<12x3072xf32>, tensor<1x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<12x3072xf32>
        %v687 = "stablehlo.reshape"(%v506) : (tensor<768x3072xf32>) -> tensor<1x768x3072xf32>
        %v688 = "stablehlo.dynamic_update_slice"(%v411, %v687, %v414, %v415, %v415) : (tensor<12x768x3072xf32>, tensor<1x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x3072xf32>
        %v689 = "stablehlo.reshape"(%v504) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v690 = "stablehlo.dynamic_update_slice"(%v412, %v689, %v414, %v415) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        "stablehlo.return"(%v666, %v664, %v367, %v368, %v369, %v370, %v371, %v372, %v373, %v374, %v375, %v376, %v377, %v378, %v379, %v380, %v381, %v382, %v383, %v384, %v385, %v386, %v387, %v388, %v389, %v390, %v391, %v392, %v393, %v394, %v395, %v396, %v397, %v398, %v399, %v400, %v668, %v670, %v672, %v674, %v676, %v678, %v680, %v682, %v684, %v686, %v688, %v690) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x3072xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x12x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197x1xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>)
    "func.return"(%v294, %v314#1, %v314#36, %v314#37, %v314#38, %v314#39, %v314#40, %v314#41, %v314#42, %v314#43, %v314#44, %v314#45, %v314#46, %v314#47) : (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
  }
}
