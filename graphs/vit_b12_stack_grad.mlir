module @vit_stack12_grad {
  func.func public @main(%arg0: tensor<8x197x768xf32>, %arg1: tensor<12x768xf32>, %arg2: tensor<12x768xf32>, %arg3: tensor<12x2304x768xf32>, %arg4: tensor<12x2304xf32>, %arg5: tensor<12x768x768xf32>, %arg6: tensor<12x768xf32>, %arg7: tensor<12x768xf32>, %arg8: tensor<12x768xf32>, %arg9: tensor<12x3072x768xf32>, %arg10: tensor<12x3072xf32>, %arg11: tensor<12x768x3072xf32>, %arg12: tensor<12x768xf32>) -> (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) {
    %v1 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v3 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197xf32>} : () -> tensor<12x8x197xf32>
    %v4 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197xf32>} : () -> tensor<12x8x197xf32>
    %v5 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x2304xf32>} : () -> tensor<12x8x197x2304xf32>
    %v6 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197x197xf32>} : () -> tensor<12x8x12x197x197xf32>
    %v7 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197xf32>} : () -> tensor<12x8x12x197xf32>
    %v8 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197xf32>} : () -> tensor<12x8x12x197xf32>
    %v9 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x12x197x64xf32>} : () -> tensor<12x8x12x197x64xf32>
    %v10 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v11 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197xf32>} : () -> tensor<12x8x197xf32>
    %v12 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197xf32>} : () -> tensor<12x8x197xf32>
    %v13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x3072xf32>} : () -> tensor<12x8x197x3072xf32>
    %v14:26 = "stablehlo.while"(%v1, %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v2, %v3, %v4, %v5, %v6, %v7, %v8, %v9, %v10, %v11, %v12, %v13) ({
      ^bb0(%v15: tensor<i32>, %v16: tensor<8x197x768xf32>, %v17: tensor<12x768xf32>, %v18: tensor<12x768xf32>, %v19: tensor<12x2304x768xf32>, %v20: tensor<12x2304xf32>, %v21: tensor<12x768x768xf32>, %v22: tensor<12x768xf32>, %v23: tensor<12x768xf32>, %v24: tensor<12x768xf32>, %v25: tensor<12x3072x768xf32>, %v26: tensor<12x3072xf32>, %v27: tensor<12x768x3072xf32>, %v28: tensor<12x768xf32>, %v29: tensor<12x8x197x768xf32>, %v30: tensor<12x8x197xf32>, %v31: tensor<12x8x197xf32>, %v32: tensor<12x8x197x2304xf32>, %v33: tensor<12x8x12x197x197xf32>, %v34: tensor<12x8x12x197xf32>, %v35: tensor<12x8x12x197xf32>, %v36: tensor<12x8x12x197x64xf32>, %v37: tensor<12x8x197x768xf32>, %v38: tensor<12x8x197xf32>, %v39: tensor<12x8x197xf32>, %v40: tensor<12x8x197x3072xf32>):
        %v41 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v42 = "stablehlo.compare"(%v15, %v41) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v42) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v43: tensor<i32>, %v44: tensor<8x197x768xf32>, %v45: tensor<12x768xf32>, %v46: tensor<12x768xf32>, %v47: tensor<12x2304x768xf32>, %v48: tensor<12x2304xf32>, %v49: tensor<12x768x768xf32>, %v50: tensor<12x768xf32>, %v51: tensor<12x768xf32>, %v52: tensor<12x768xf32>, %v53: tensor<12x3072x768xf32>, %v54: tensor<12x3072xf32>, %v55: tensor<12x768x3072xf32>, %v56: tensor<12x768xf32>, %v57: tensor<12x8x197x768xf32>, %v58: tensor<12x8x197xf32>, %v59: tensor<12x8x197xf32>, %v60: tensor<12x8x197x2304xf32>, %v61: tensor<12x8x12x197x197xf32>, %v62: tensor<12x8x12x197xf32>, %v63: tensor<12x8x12x197xf32>, %v64: tensor<12x8x12x197x64xf32>, %v65: tensor<12x8x197x768xf32>, %v66: tensor<12x8x197xf32>, %v67: tensor<12x8x197xf32>, %v68: tensor<12x8x197x3072xf32>):
        %v69 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v70 = "stablehlo.dynamic_slice"(%v45, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v71 = "stablehlo.reshape"(%v70) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v72 = "stablehlo.dynamic_slice"(%v46, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v73 = "stablehlo.reshape"(%v72) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v74 = "stablehlo.dynamic_slice"(%v47, %v43, %v69, %v69) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v75 = "stablehlo.reshape"(%v74) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v76 = "stablehlo.dynamic_slice"(%v48, %v43, %v69) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v77 = "stablehlo.reshape"(%v76) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v78 = "stablehlo.dynamic_slice"(%v49, %v43, %v69, %v69) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v79 = "stablehlo.reshape"(%v78) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v80 = "stablehlo.dynamic_slice"(%v50, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v81 = "stablehlo.reshape"(%v80) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v82 = "stablehlo.dynamic_slice"(%v51, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v83 = "stablehlo.reshape"(%v82) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v84 = "stablehlo.dynamic_slice"(%v52, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v85 = "stablehlo.reshape"(%v84) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v86 = "stablehlo.dynamic_slice"(%v53, %v43, %v69, %v69) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v87 = "stablehlo.reshape"(%v86) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v88 = "stablehlo.dynamic_slice"(%v54, %v43, %v69) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v89 = "stablehlo.reshape"(%v88) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v90 = "stablehlo.dynamic_slice"(%v55, %v43, %v69, %v69) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v91 = "stablehlo.reshape"(%v90) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v92 = "stablehlo.dynamic_slice"(%v56, %v43, %v69) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v93 = "stablehlo.reshape"(%v92) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v94 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v98 = "stablehlo.reduce"(%v44, %v94) ({
          ^bb0(%v95: tensor<f32>, %v96: tensor<f32>):
            %v97 = "stablehlo.add"(%v95, %v96) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v97) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v99 = "stablehlo.reshape"(%v98) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v100 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v101 = "stablehlo.broadcast_in_dim"(%v100) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v102 = "stablehlo.divide"(%v99, %v101) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v103 = "stablehlo.broadcast_in_dim"(%v102) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v104 = "stablehlo.subtract"(%v44, %v103) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v105 = "stablehlo.multiply"(%v104, %v104) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v106 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v110 = "stablehlo.reduce"(%v105, %v106) ({
          ^bb0(%v107: tensor<f32>, %v108: tensor<f32>):
            %v109 = "stablehlo.add"(%v107, %v108) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v109) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v111 = "stablehlo.reshape"(%v110) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v112 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v114 = "stablehlo.divide"(%v111, %v113) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v115 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v116 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v117 = "stablehlo.add"(%v114, %v116) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v118 = "stablehlo.rsqrt"(%v117) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v119 = "stablehlo.broadcast_in_dim"(%v118) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v120 = "stablehlo.multiply"(%v104, %v119) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v121 = "stablehlo.broadcast_in_dim"(%v71) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v122 = "stablehlo.multiply"(%v120, %v121) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v123 = "stablehlo.broadcast_in_dim"(%v73) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v124 = "stablehlo.add"(%v122, %v123) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v125 = "stablehlo.dot_general"(%v124, %v75) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
        %v126 = "stablehlo.broadcast_in_dim"(%v77) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
        %v127 = "stablehlo.add"(%v125, %v126) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v128 = "stablehlo.slice"(%v127) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 8, 197, 768>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v129 = "stablehlo.slice"(%v127) {start_indices = array<i64: 0, 0, 768>, limit_indices = array<i64: 8, 197, 1536>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v130 = "stablehlo.slice"(%v127) {start_indices = array<i64: 0, 0, 1536>, limit_indices = array<i64: 8, 197, 2304>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v131 = "stablehlo.reshape"(%v128) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v132 = "stablehlo.reshape"(%v129) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v133 = "stablehlo.reshape"(%v130) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v134 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v135 = "stablehlo.broadcast_in_dim"(%v134) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x12x64xf32>
        %v136 = "stablehlo.multiply"(%v131, %v135) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v137 = "stablehlo.dot_general"(%v136, %v132) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 2], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
        %v138 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
        %v142 = "stablehlo.reduce"(%v137, %v138) ({
          ^bb0(%v139: tensor<f32>, %v140: tensor<f32>):
            %v141 = "stablehlo.maximum"(%v139, %v140) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v141) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v143 = "stablehlo.reshape"(%v142) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v144 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v145 = "stablehlo.subtract"(%v137, %v144) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v146 = "stablehlo.exponential"(%v145) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v147 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v151 = "stablehlo.reduce"(%v146, %v147) ({
          ^bb0(%v148: tensor<f32>, %v149: tensor<f32>):
            %v150 = "stablehlo.add"(%v148, %v149) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v150) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v152 = "stablehlo.reshape"(%v151) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v153 = "stablehlo.broadcast_in_dim"(%v152) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v154 = "stablehlo.divide"(%v146, %v153) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v155 = "stablehlo.dot_general"(%v154, %v133) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v156 = "stablehlo.transpose"(%v155) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v157 = "stablehlo.reshape"(%v156) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v158 = "stablehlo.dot_general"(%v157, %v79) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v159 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v160 = "stablehlo.add"(%v158, %v159) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v161 = "stablehlo.add"(%v44, %v160) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v162 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v166 = "stablehlo.reduce"(%v161, %v162) ({
          ^bb0(%v163: tensor<f32>, %v164: tensor<f32>):
            %v165 = "stablehlo.add"(%v163, %v164) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v165) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v167 = "stablehlo.reshape"(%v166) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v168 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v169 = "stablehlo.broadcast_in_dim"(%v168) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v170 = "stablehlo.divide"(%v167, %v169) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v171 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v172 = "stablehlo.subtract"(%v161, %v171) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v173 = "stablehlo.multiply"(%v172, %v172) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v174 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v178 = "stablehlo.reduce"(%v173, %v174) ({
          ^bb0(%v175: tensor<f32>, %v176: tensor<f32>):
            %v177 = "stablehlo.add"(%v175, %v176) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v177) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v179 = "stablehlo.reshape"(%v178) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v180 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v181 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v182 = "stablehlo.divide"(%v179, %v181) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v183 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v184 = "stablehlo.broadcast_in_dim"(%v183) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v185 = "stablehlo.add"(%v182, %v184) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v186 = "stablehlo.rsqrt"(%v185) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v187 = "stablehlo.broadcast_in_dim"(%v186) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v188 = "stablehlo.multiply"(%v172, %v187) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v189 = "stablehlo.broadcast_in_dim"(%v83) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v190 = "stablehlo.multiply"(%v188, %v189) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v191 = "stablehlo.broadcast_in_dim"(%v85) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v192 = "stablehlo.add"(%v190, %v191) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v193 = "stablehlo.dot_general"(%v192, %v87) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
        %v194 = "stablehlo.broadcast_in_dim"(%v89) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
        %v195 = "stablehlo.add"(%v193, %v194) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v196 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v197 = "stablehlo.broadcast_in_dim"(%v196) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v198 = "stablehlo.multiply"(%v195, %v197) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v199 = "chlo.erf"(%v198) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v200 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v201 = "stablehlo.broadcast_in_dim"(%v200) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v202 = "stablehlo.multiply"(%v195, %v201) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v203 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v204 = "stablehlo.broadcast_in_dim"(%v203) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v205 = "stablehlo.add"(%v199, %v204) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v206 = "stablehlo.multiply"(%v202, %v205) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v207 = "stablehlo.dot_general"(%v206, %v91) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<768x3072xf32>) -> tensor<8x197x768xf32>
        %v208 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v209 = "stablehlo.add"(%v207, %v208) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v210 = "stablehlo.add"(%v161, %v209) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v211 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v212 = "stablehlo.add"(%v43, %v211) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v213 = "stablehlo.reshape"(%v44) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v214 = "stablehlo.dynamic_update_slice"(%v57, %v213, %v43, %v69, %v69, %v69) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v215 = "stablehlo.reshape"(%v98) : (tensor<8x197xf32>) -> tensor<1x8x197xf32>
        %v216 = "stablehlo.dynamic_update_slice"(%v58, %v215, %v43, %v69, %v69) : (tensor<12x8x197xf32>, tensor<1x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197xf32>
        %v217 = "stablehlo.reshape"(%v110) : (tensor<8x197xf32>) -> tensor<1x8x197xf32>
        %v218 = "stablehlo.dynamic_update_slice"(%v59, %v217, %v43, %v69, %v69) : (tensor<12x8x197xf32>, tensor<1x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197xf32>
        %v219 = "stablehlo.reshape"(%v125) : (tensor<8x197x2304xf32>) -> tensor<1x8x197x2304xf32>
        %v220 = "stablehlo.dynamic_update_slice"(%v60, %v219, %v43, %v69, %v69, %v69) : (tensor<12x8x197x2304xf32>, tensor<1x8x197x2304xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x2304xf32>
        %v221 = "stablehlo.reshape"(%v137) : (tensor<8x12x197x197xf32>) -> tensor<1x8x12x197x197xf32>
        %v222 = "stablehlo.dynamic_update_slice"(%v61, %v221, %v43, %v69, %v69, %v69, %v69) : (tensor<12x8x12x197x197xf32>, tensor<1x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197x197xf32>
        %v223 = "stablehlo.reshape"(%v142) : (tensor<8x12x197xf32>) -> tensor<1x8x12x197xf32>
        %v224 = "stablehlo.dynamic_update_slice"(%v62, %v223, %v43, %v69, %v69, %v69) : (tensor<12x8x12x197xf32>, tensor<1x8x12x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197xf32>
        %v225 = "stablehlo.reshape"(%v151) : (tensor<8x12x197xf32>) -> tensor<1x8x12x197xf32>
        %v226 = "stablehlo.dynamic_update_slice"(%v63, %v225, %v43, %v69, %v69, %v69) : (tensor<12x8x12x197xf32>, tensor<1x8x12x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197xf32>
        %v227 = "stablehlo.reshape"(%v155) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v228 = "stablehlo.dynamic_update_slice"(%v64, %v227, %v43, %v69, %v69, %v69, %v69) : (tensor<12x8x12x197x64xf32>, tensor<1x8x12x197x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x12x197x64xf32>
        %v229 = "stablehlo.reshape"(%v158) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v230 = "stablehlo.dynamic_update_slice"(%v65, %v229, %v43, %v69, %v69, %v69) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        %v231 = "stablehlo.reshape"(%v166) : (tensor<8x197xf32>) -> tensor<1x8x197xf32>
        %v232 = "stablehlo.dynamic_update_slice"(%v66, %v231, %v43, %v69, %v69) : (tensor<12x8x197xf32>, tensor<1x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197xf32>
        %v233 = "stablehlo.reshape"(%v178) : (tensor<8x197xf32>) -> tensor<1x8x197xf32>
        %v234 = "stablehlo.dynamic_update_slice"(%v67, %v233, %v43, %v69, %v69) : (tensor<12x8x197xf32>, tensor<1x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197xf32>
        %v235 = "stablehlo.reshape"(%v193) : (tensor<8x197x3072xf32>) -> tensor<1x8x197x3072xf32>
        %v236 = "stablehlo.dynamic_update_slice"(%v68, %v235, %v43, %v69, %v69, %v69) : (tensor<12x8x197x3072xf32>, tensor<1x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x3072xf32>
        "stablehlo.return"(%v212, %v210, %v45, %v46, %v47, %v48, %v49, %v50, %v51, %v52, %v53, %v54, %v55, %v56, %v214, %v216, %v218, %v220, %v222, %v224, %v226, %v228, %v230, %v232, %v234, %v236) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>)
    %v237 = "stablehlo.multiply"(%v14#1, %v14#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v238 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v242 = "stablehlo.reduce"(%v237, %v238) ({
      ^bb0(%v239: tensor<f32>, %v240: tensor<f32>):
        %v241 = "stablehlo.add"(%v239, %v240) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v241) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<f32>
    %v243 = "stablehlo.constant"() {value = dense<0x4993C000> : tensor<f32>} : () -> tensor<f32>
    %v244 = "stablehlo.divide"(%v242, %v243) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v245 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v246 = "stablehlo.divide"(%v245, %v243) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v247 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x768xf32>
    %v248 = "stablehlo.multiply"(%v247, %v14#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v249 = "stablehlo.multiply"(%v247, %v14#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v250 = "stablehlo.add"(%v248, %v249) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v251 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v252 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v253 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v254 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304x768xf32>} : () -> tensor<12x2304x768xf32>
    %v255 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304xf32>} : () -> tensor<12x2304xf32>
    %v256 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x768xf32>} : () -> tensor<12x768x768xf32>
    %v257 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v258 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v259 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v260 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072x768xf32>} : () -> tensor<12x3072x768xf32>
    %v261 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072xf32>} : () -> tensor<12x3072xf32>
    %v262 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x3072xf32>} : () -> tensor<12x768x3072xf32>
    %v263 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v264:38 = "stablehlo.while"(%v251, %v250, %v14#14, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v14#15, %v14#16, %v14#17, %v14#18, %v14#19, %v14#20, %v14#21, %v14#22, %v14#23, %v14#24, %v14#25, %v252, %v253, %v254, %v255, %v256, %v257, %v258, %v259, %v260, %v261, %v262, %v263) ({
      ^bb0(%v265: tensor<i32>, %v266: tensor<8x197x768xf32>, %v267: tensor<12x8x197x768xf32>, %v268: tensor<12x768xf32>, %v269: tensor<12x768xf32>, %v270: tensor<12x2304x768xf32>, %v271: tensor<12x2304xf32>, %v272: tensor<12x768x768xf32>, %v273: tensor<12x768xf32>, %v274: tensor<12x768xf32>, %v275: tensor<12x768xf32>, %v276: tensor<12x3072x768xf32>, %v277: tensor<12x3072xf32>, %v278: tensor<12x768x3072xf32>, %v279: tensor<12x768xf32>, %v280: tensor<12x8x197xf32>, %v281: tensor<12x8x197xf32>, %v282: tensor<12x8x197x2304xf32>, %v283: tensor<12x8x12x197x197xf32>, %v284: tensor<12x8x12x197xf32>, %v285: tensor<12x8x12x197xf32>, %v286: tensor<12x8x12x197x64xf32>, %v287: tensor<12x8x197x768xf32>, %v288: tensor<12x8x197xf32>, %v289: tensor<12x8x197xf32>, %v290: tensor<12x8x197x3072xf32>, %v291: tensor<12x768xf32>, %v292: tensor<12x768xf32>, %v293: tensor<12x2304x768xf32>, %v294: tensor<12x2304xf32>, %v295: tensor<12x768x768xf32>, %v296: tensor<12x768xf32>, %v297: tensor<12x768xf32>, %v298: tensor<12x768xf32>, %v299: tensor<12x3072x768xf32>, %v300: tensor<12x3072xf32>, %v301: tensor<12x768x3072xf32>, %v302: tensor<12x768xf32>):
        %v303 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v304 = "stablehlo.compare"(%v265, %v303) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v304) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v305: tensor<i32>, %v306: tensor<8x197x768xf32>, %v307: tensor<12x8x197x768xf32>, %v308: tensor<12x768xf32>, %v309: tensor<12x768xf32>, %v310: tensor<12x2304x768xf32>, %v311: tensor<12x2304xf32>, %v312: tensor<12x768x768xf32>, %v313: tensor<12x768xf32>, %v314: tensor<12x768xf32>, %v315: tensor<12x768xf32>, %v316: tensor<12x3072x768xf32>, %v317: tensor<12x3072xf32>, %v318: tensor<12x768x3072xf32>, %v319: tensor<12x768xf32>, %v320: tensor<12x8x197xf32>, %v321: tensor<12x8x197xf32>, %v322: tensor<12x8x197x2304xf32>, %v323: tensor<12x8x12x197x197xf32>, %v324: tensor<12x8x12x197xf32>, %v325: tensor<12x8x12x197xf32>, %v326: tensor<12x8x12x197x64xf32>, %v327: tensor<12x8x197x768xf32>, %v328: tensor<12x8x197xf32>, %v329: tensor<12x8x197xf32>, %v330: tensor<12x8x197x3072xf32>, %v331: tensor<12x768xf32>, %v332: tensor<12x768xf32>, %v333: tensor<12x2304x768xf32>, %v334: tensor<12x2304xf32>, %v335: tensor<12x768x768xf32>, %v336: tensor<12x768xf32>, %v337: tensor<12x768xf32>, %v338: tensor<12x768xf32>, %v339: tensor<12x3072x768xf32>, %v340: tensor<12x3072xf32>, %v341: tensor<12x768x3072xf32>, %v342: tensor<12x768xf32>):
        %v343 = "stablehlo.constant"() {value = dense<11> : tensor<i32>} : () -> tensor<i32>
        %v344 = "stablehlo.subtract"(%v343, %v305) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v345 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v346 = "stablehlo.dynamic_slice"(%v307, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v347 = "stablehlo.reshape"(%v346) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v348 = "stablehlo.dynamic_slice"(%v308, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v349 = "stablehlo.reshape"(%v348) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v350 = "stablehlo.dynamic_slice"(%v309, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v351 = "stablehlo.reshape"(%v350) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v352 = "stablehlo.dynamic_slice"(%v310, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v353 = "stablehlo.reshape"(%v352) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v354 = "stablehlo.dynamic_slice"(%v311, %v344, %v345) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v355 = "stablehlo.reshape"(%v354) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v356 = "stablehlo.dynamic_slice"(%v312, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v357 = "stablehlo.reshape"(%v356) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v358 = "stablehlo.dynamic_slice"(%v313, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v359 = "stablehlo.reshape"(%v358) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v360 = "stablehlo.dynamic_slice"(%v314, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v361 = "stablehlo.reshape"(%v360) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v362 = "stablehlo.dynamic_slice"(%v315, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v363 = "stablehlo.reshape"(%v362) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v364 = "stablehlo.dynamic_slice"(%v316, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v365 = "stablehlo.reshape"(%v364) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v366 = "stablehlo.dynamic_slice"(%v317, %v344, %v345) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v367 = "stablehlo.reshape"(%v366) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v368 = "stablehlo.dynamic_slice"(%v318, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v369 = "stablehlo.reshape"(%v368) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v370 = "stablehlo.dynamic_slice"(%v319, %v344, %v345) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v371 = "stablehlo.reshape"(%v370) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v372 = "stablehlo.dynamic_slice"(%v320, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197>} : (tensor<12x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197xf32>
        %v373 = "stablehlo.reshape"(%v372) : (tensor<1x8x197xf32>) -> tensor<8x197xf32>
        %v374 = "stablehlo.dynamic_slice"(%v321, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197>} : (tensor<12x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197xf32>
        %v375 = "stablehlo.reshape"(%v374) : (tensor<1x8x197xf32>) -> tensor<8x197xf32>
        %v376 = "stablehlo.dynamic_slice"(%v322, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197, 2304>} : (tensor<12x8x197x2304xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x2304xf32>
        %v377 = "stablehlo.reshape"(%v376) : (tensor<1x8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v378 = "stablehlo.dynamic_slice"(%v323, %v344, %v345, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 12, 197, 197>} : (tensor<12x8x12x197x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197x197xf32>
        %v379 = "stablehlo.reshape"(%v378) : (tensor<1x8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v380 = "stablehlo.dynamic_slice"(%v324, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 12, 197>} : (tensor<12x8x12x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197xf32>
        %v381 = "stablehlo.reshape"(%v380) : (tensor<1x8x12x197xf32>) -> tensor<8x12x197xf32>
        %v382 = "stablehlo.dynamic_slice"(%v325, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 12, 197>} : (tensor<12x8x12x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197xf32>
        %v383 = "stablehlo.reshape"(%v382) : (tensor<1x8x12x197xf32>) -> tensor<8x12x197xf32>
        %v384 = "stablehlo.dynamic_slice"(%v326, %v344, %v345, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 12, 197, 64>} : (tensor<12x8x12x197x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x12x197x64xf32>
        %v385 = "stablehlo.reshape"(%v384) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v386 = "stablehlo.dynamic_slice"(%v327, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v387 = "stablehlo.reshape"(%v386) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v388 = "stablehlo.dynamic_slice"(%v328, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197>} : (tensor<12x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197xf32>
        %v389 = "stablehlo.reshape"(%v388) : (tensor<1x8x197xf32>) -> tensor<8x197xf32>
        %v390 = "stablehlo.dynamic_slice"(%v329, %v344, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197>} : (tensor<12x8x197xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197xf32>
        %v391 = "stablehlo.reshape"(%v390) : (tensor<1x8x197xf32>) -> tensor<8x197xf32>
        %v392 = "stablehlo.dynamic_slice"(%v330, %v344, %v345, %v345, %v345) {slice_sizes = array<i64: 1, 8, 197, 3072>} : (tensor<12x8x197x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x3072xf32>
        %v393 = "stablehlo.reshape"(%v392) : (tensor<1x8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v394 = "stablehlo.reshape"(%v373) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v395 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v396 = "stablehlo.broadcast_in_dim"(%v395) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v397 = "stablehlo.divide"(%v394, %v396) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v398 = "stablehlo.broadcast_in_dim"(%v397) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v399 = "stablehlo.subtract"(%v347, %v398) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v400 = "stablehlo.reshape"(%v375) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v401 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v402 = "stablehlo.broadcast_in_dim"(%v401) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v403 = "stablehlo.divide"(%v400, %v402) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v404 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v405 = "stablehlo.broadcast_in_dim"(%v404) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v406 = "stablehlo.add"(%v403, %v405) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v407 = "stablehlo.rsqrt"(%v406) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v408 = "stablehlo.broadcast_in_dim"(%v407) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v409 = "stablehlo.multiply"(%v399, %v408) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v410 = "stablehlo.broadcast_in_dim"(%v349) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v411 = "stablehlo.multiply"(%v409, %v410) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v412 = "stablehlo.broadcast_in_dim"(%v351) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v413 = "stablehlo.add"(%v411, %v412) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v414 = "stablehlo.broadcast_in_dim"(%v355) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
        %v415 = "stablehlo.add"(%v377, %v414) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v416 = "stablehlo.slice"(%v415) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 8, 197, 768>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v417 = "stablehlo.slice"(%v415) {start_indices = array<i64: 0, 0, 768>, limit_indices = array<i64: 8, 197, 1536>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v418 = "stablehlo.slice"(%v415) {start_indices = array<i64: 0, 0, 1536>, limit_indices = array<i64: 8, 197, 2304>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
        %v419 = "stablehlo.reshape"(%v416) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v420 = "stablehlo.reshape"(%v417) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v421 = "stablehlo.reshape"(%v418) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v422 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v423 = "stablehlo.broadcast_in_dim"(%v422) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x12x64xf32>
        %v424 = "stablehlo.multiply"(%v419, %v423) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v425 = "stablehlo.reshape"(%v381) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v426 = "stablehlo.broadcast_in_dim"(%v425) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v427 = "stablehlo.subtract"(%v379, %v426) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v428 = "stablehlo.exponential"(%v427) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v429 = "stablehlo.reshape"(%v383) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v430 = "stablehlo.broadcast_in_dim"(%v429) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v431 = "stablehlo.divide"(%v428, %v430) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v432 = "stablehlo.transpose"(%v385) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v433 = "stablehlo.reshape"(%v432) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v434 = "stablehlo.broadcast_in_dim"(%v359) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v435 = "stablehlo.add"(%v387, %v434) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v436 = "stablehlo.add"(%v347, %v435) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v437 = "stablehlo.reshape"(%v389) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v438 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v439 = "stablehlo.broadcast_in_dim"(%v438) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v440 = "stablehlo.divide"(%v437, %v439) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v441 = "stablehlo.broadcast_in_dim"(%v440) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v442 = "stablehlo.subtract"(%v436, %v441) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v443 = "stablehlo.reshape"(%v391) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v444 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v445 = "stablehlo.broadcast_in_dim"(%v444) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v446 = "stablehlo.divide"(%v443, %v445) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v447 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v448 = "stablehlo.broadcast_in_dim"(%v447) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v449 = "stablehlo.add"(%v446, %v448) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v450 = "stablehlo.rsqrt"(%v449) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v451 = "stablehlo.broadcast_in_dim"(%v450) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v452 = "stablehlo.multiply"(%v442, %v451) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v453 = "stablehlo.broadcast_in_dim"(%v361) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v454 = "stablehlo.multiply"(%v452, %v453) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v455 = "stablehlo.broadcast_in_dim"(%v363) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v456 = "stablehlo.add"(%v454, %v455) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v457 = "stablehlo.broadcast_in_dim"(%v367) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
        %v458 = "stablehlo.add"(%v393, %v457) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v459 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v460 = "stablehlo.broadcast_in_dim"(%v459) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v461 = "stablehlo.multiply"(%v458, %v460) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v462 = "chlo.erf"(%v461) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v463 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v464 = "stablehlo.broadcast_in_dim"(%v463) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v465 = "stablehlo.multiply"(%v458, %v464) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v466 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v467 = "stablehlo.broadcast_in_dim"(%v466) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v468 = "stablehlo.add"(%v462, %v467) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v469 = "stablehlo.multiply"(%v465, %v468) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v470 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v474 = "stablehlo.reduce"(%v306, %v470) ({
          ^bb0(%v471: tensor<f32>, %v472: tensor<f32>):
            %v473 = "stablehlo.add"(%v471, %v472) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v473) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v475 = "stablehlo.dot_general"(%v306, %v369) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x3072xf32>) -> tensor<8x197x3072xf32>
        %v476 = "stablehlo.dot_general"(%v306, %v469) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<8x197x3072xf32>) -> tensor<768x3072xf32>
        %v477 = "stablehlo.multiply"(%v475, %v468) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v478 = "stablehlo.multiply"(%v475, %v465) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v479 = "stablehlo.multiply"(%v477, %v464) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v480 = "stablehlo.multiply"(%v461, %v461) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v481 = "stablehlo.negate"(%v480) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v482 = "stablehlo.exponential"(%v481) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v483 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
        %v484 = "stablehlo.broadcast_in_dim"(%v483) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v485 = "stablehlo.multiply"(%v482, %v484) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v486 = "stablehlo.multiply"(%v478, %v485) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v487 = "stablehlo.multiply"(%v486, %v460) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v488 = "stablehlo.add"(%v479, %v487) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v489 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v493 = "stablehlo.reduce"(%v488, %v489) ({
          ^bb0(%v490: tensor<f32>, %v491: tensor<f32>):
            %v492 = "stablehlo.add"(%v490, %v491) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v492) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x3072xf32>, tensor<f32>) -> tensor<3072xf32>
        %v494 = "stablehlo.dot_general"(%v488, %v365) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<3072x768xf32>) -> tensor<8x197x768xf32>
        %v495 = "stablehlo.dot_general"(%v488, %v456) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<8x197x768xf32>) -> tensor<3072x768xf32>
        %v496 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v500 = "stablehlo.reduce"(%v494, %v496) ({
          ^bb0(%v497: tensor<f32>, %v498: tensor<f32>):
            %v499 = "stablehlo.add"(%v497, %v498) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v499) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v501 = "stablehlo.multiply"(%v494, %v453) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v502 = "stablehlo.multiply"(%v494, %v452) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v503 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v507 = "stablehlo.reduce"(%v502, %v503) ({
          ^bb0(%v504: tensor<f32>, %v505: tensor<f32>):
            %v506 = "stablehlo.add"(%v504, %v505) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v506) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v508 = "stablehlo.multiply"(%v501, %v451) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v509 = "stablehlo.multiply"(%v501, %v442) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v510 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v514 = "stablehlo.reduce"(%v509, %v510) ({
          ^bb0(%v511: tensor<f32>, %v512: tensor<f32>):
            %v513 = "stablehlo.add"(%v511, %v512) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v513) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v515 = "stablehlo.reshape"(%v514) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v516 = "stablehlo.multiply"(%v450, %v450) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v517 = "stablehlo.multiply"(%v516, %v450) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v518 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v519 = "stablehlo.broadcast_in_dim"(%v518) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v520 = "stablehlo.multiply"(%v517, %v519) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v521 = "stablehlo.multiply"(%v515, %v520) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v522 = "stablehlo.divide"(%v521, %v445) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v523 = "stablehlo.reshape"(%v522) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v524 = "stablehlo.broadcast_in_dim"(%v523) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v525 = "stablehlo.multiply"(%v524, %v442) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v526 = "stablehlo.multiply"(%v524, %v442) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v527 = "stablehlo.add"(%v508, %v525) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v528 = "stablehlo.add"(%v527, %v526) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v529 = "stablehlo.negate"(%v528) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v530 = "stablehlo.add"(%v306, %v528) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v531 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v535 = "stablehlo.reduce"(%v529, %v531) ({
          ^bb0(%v532: tensor<f32>, %v533: tensor<f32>):
            %v534 = "stablehlo.add"(%v532, %v533) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v534) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v536 = "stablehlo.reshape"(%v535) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v537 = "stablehlo.divide"(%v536, %v439) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v538 = "stablehlo.reshape"(%v537) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v539 = "stablehlo.broadcast_in_dim"(%v538) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v540 = "stablehlo.add"(%v530, %v539) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v541 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v545 = "stablehlo.reduce"(%v540, %v541) ({
          ^bb0(%v542: tensor<f32>, %v543: tensor<f32>):
            %v544 = "stablehlo.add"(%v542, %v543) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v544) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v546 = "stablehlo.dot_general"(%v540, %v357) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v547 = "stablehlo.dot_general"(%v540, %v433) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<768x768xf32>
        %v548 = "stablehlo.reshape"(%v546) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v549 = "stablehlo.transpose"(%v548) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v550 = "stablehlo.dot_general"(%v549, %v421) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
        %v551 = "stablehlo.dot_general"(%v549, %v431) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x64xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x64x197xf32>
        %v552 = "stablehlo.transpose"(%v551) {permutation = array<i64: 0, 3, 1, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x197x12x64xf32>
        %v553 = "stablehlo.divide"(%v550, %v430) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v554 = "stablehlo.multiply"(%v550, %v431) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v555 = "stablehlo.divide"(%v554, %v430) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v556 = "stablehlo.negate"(%v555) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v557 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v561 = "stablehlo.reduce"(%v556, %v557) ({
          ^bb0(%v558: tensor<f32>, %v559: tensor<f32>):
            %v560 = "stablehlo.add"(%v558, %v559) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v560) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v562 = "stablehlo.reshape"(%v561) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v563 = "stablehlo.reshape"(%v562) : (tensor<8x12x197x1xf32>) -> tensor<8x12x197xf32>
        %v564 = "stablehlo.broadcast_in_dim"(%v563) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x12x197xf32>) -> tensor<8x12x197x197xf32>
        %v565 = "stablehlo.add"(%v553, %v564) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v566 = "stablehlo.multiply"(%v565, %v428) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v567 = "stablehlo.dot_general"(%v566, %v420) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v568 = "stablehlo.transpose"(%v567) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v569 = "stablehlo.dot_general"(%v566, %v424) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v570 = "stablehlo.transpose"(%v569) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v571 = "stablehlo.multiply"(%v568, %v423) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
        %v572 = "stablehlo.reshape"(%v552) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v573 = "stablehlo.reshape"(%v570) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v574 = "stablehlo.reshape"(%v571) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v575 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v576 = "stablehlo.pad"(%v572, %v575) {edge_padding_low = array<i64: 0, 0, 1536>, edge_padding_high = array<i64: 0, 0, 0>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v577 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v578 = "stablehlo.pad"(%v573, %v577) {edge_padding_low = array<i64: 0, 0, 768>, edge_padding_high = array<i64: 0, 0, 768>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v579 = "stablehlo.add"(%v576, %v578) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v580 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v581 = "stablehlo.pad"(%v574, %v580) {edge_padding_low = array<i64: 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1536>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
        %v582 = "stablehlo.add"(%v579, %v581) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v583 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v587 = "stablehlo.reduce"(%v582, %v583) ({
          ^bb0(%v584: tensor<f32>, %v585: tensor<f32>):
            %v586 = "stablehlo.add"(%v584, %v585) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v586) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x2304xf32>, tensor<f32>) -> tensor<2304xf32>
        %v588 = "stablehlo.dot_general"(%v582, %v353) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x2304xf32>, tensor<2304x768xf32>) -> tensor<8x197x768xf32>
        %v589 = "stablehlo.dot_general"(%v582, %v413) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x2304xf32>, tensor<8x197x768xf32>) -> tensor<2304x768xf32>
        %v590 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v594 = "stablehlo.reduce"(%v588, %v590) ({
          ^bb0(%v591: tensor<f32>, %v592: tensor<f32>):
            %v593 = "stablehlo.add"(%v591, %v592) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v593) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v595 = "stablehlo.multiply"(%v588, %v410) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v596 = "stablehlo.multiply"(%v588, %v409) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v597 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v601 = "stablehlo.reduce"(%v596, %v597) ({
          ^bb0(%v598: tensor<f32>, %v599: tensor<f32>):
            %v600 = "stablehlo.add"(%v598, %v599) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v600) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v602 = "stablehlo.multiply"(%v595, %v408) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v603 = "stablehlo.multiply"(%v595, %v399) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v604 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v608 = "stablehlo.reduce"(%v603, %v604) ({
          ^bb0(%v605: tensor<f32>, %v606: tensor<f32>):
            %v607 = "stablehlo.add"(%v605, %v606) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v607) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v609 = "stablehlo.reshape"(%v608) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v610 = "stablehlo.multiply"(%v407, %v407) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v611 = "stablehlo.multiply"(%v610, %v407) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v612 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v613 = "stablehlo.broadcast_in_dim"(%v612) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v614 = "stablehlo.multiply"(%v611, %v613) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v615 = "stablehlo.multiply"(%v609, %v614) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v616 = "stablehlo.divide"(%v615, %v402) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v617 = "stablehlo.reshape"(%v616) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v618 = "stablehlo.broadcast_in_dim"(%v617) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v619 = "stablehlo.multiply"(%v618, %v399) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v620 = "stablehlo.multiply"(%v618, %v399) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v621 = "stablehlo.add"(%v602, %v619) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v622 = "stablehlo.add"(%v621, %v620) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v623 = "stablehlo.negate"(%v622) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v624 = "stablehlo.add"(%v540, %v622) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v625 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v629 = "stablehlo.reduce"(%v623, %v625) ({
          ^bb0(%v626: tensor<f32>, %v627: tensor<f32>):
            %v628 = "stablehlo.add"(%v626, %v627) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v628) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v630 = "stablehlo.reshape"(%v629) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v631 = "stablehlo.divide"(%v630, %v396) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v632 = "stablehlo.reshape"(%v631) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v633 = "stablehlo.broadcast_in_dim"(%v632) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v634 = "stablehlo.add"(%v624, %v633) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v635 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v636 = "stablehlo.add"(%v305, %v635) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v637 = "stablehlo.reshape"(%v601) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v638 = "stablehlo.dynamic_update_slice"(%v331, %v637, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v639 = "stablehlo.reshape"(%v594) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v640 = "stablehlo.dynamic_update_slice"(%v332, %v639, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v641 = "stablehlo.reshape"(%v589) : (tensor<2304x768xf32>) -> tensor<1x2304x768xf32>
        %v642 = "stablehlo.dynamic_update_slice"(%v333, %v641, %v344, %v345, %v345) : (tensor<12x2304x768xf32>, tensor<1x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x2304x768xf32>
        %v643 = "stablehlo.reshape"(%v587) : (tensor<2304xf32>) -> tensor<1x2304xf32>
        %v644 = "stablehlo.dynamic_update_slice"(%v334, %v643, %v344, %v345) : (tensor<12x2304xf32>, tensor<1x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<12x2304xf32>
        %v645 = "stablehlo.reshape"(%v547) : (tensor<768x768xf32>) -> tensor<1x768x768xf32>
        %v646 = "stablehlo.dynamic_update_slice"(%v335, %v645, %v344, %v345, %v345) : (tensor<12x768x768xf32>, tensor<1x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x768xf32>
        %v647 = "stablehlo.reshape"(%v545) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v648 = "stablehlo.dynamic_update_slice"(%v336, %v647, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v649 = "stablehlo.reshape"(%v507) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v650 = "stablehlo.dynamic_update_slice"(%v337, %v649, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v651 = "stablehlo.reshape"(%v500) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v652 = "stablehlo.dynamic_update_slice"(%v338, %v651, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v653 = "stablehlo.reshape"(%v495) : (tensor<3072x768xf32>) -> tensor<1x3072x768xf32>
        %v654 = "stablehlo.dynamic_update_slice"(%v339, %v653, %v344, %v345, %v345) : (tensor<12x3072x768xf32>, tensor<1x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x3072x768xf32>
        %v655 = "stablehlo.reshape"(%v493) : (tensor<3072xf32>) -> tensor<1x3072xf32>
        %v656 = "stablehlo.dynamic_update_slice"(%v340, %v655, %v344, %v345) : (tensor<12x3072xf32>, tensor<1x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<12x3072xf32>
        %v657 = "stablehlo.reshape"(%v476) : (tensor<768x3072xf32>) -> tensor<1x768x3072xf32>
        %v658 = "stablehlo.dynamic_update_slice"(%v341, %v657, %v344, %v345, %v345) : (tensor<12x768x3072xf32>, tensor<1x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x3072xf32>
        %v659 = "stablehlo.reshape"(%v474) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v660 = "stablehlo.dynamic_update_slice"(%v342, %v659, %v344, %v345) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        "stablehlo.return"(%v636, %v634, %v307, %v308, %v309, %v310, %v311, %v312, %v313, %v314, %v315, %v316, %v317, %v318, %v319, %v320, %v321, %v322, %v323, %v324, %v325, %v326, %v327, %v328, %v329, %v330, %v638, %v640, %v642, %v644, %v646, %v648, %v650, %v652, %v654, %v656, %v658, %v660) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x2304xf32>, tensor<12x8x12x197x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197xf32>, tensor<12x8x12x197x64xf32>, tensor<12x8x197x768xf32>, tensor<12x8x197xf32>, tensor<12x8x197xf32>, tensor<12x8x197x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>)
    "func.return"(%v244, %v264#1, %v264#26, %v264#27, %v264#28, %v264#29, %v264#30, %v264#31, %v264#32, %v264#33, %v264#34, %v264#35, %v264#36, %v264#37) : (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
  }
}
