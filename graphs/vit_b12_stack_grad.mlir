module @vit_stack12_grad {
  func.func public @main(%arg0: tensor<8x197x768xf32>, %arg1: tensor<12x768xf32>, %arg2: tensor<12x768xf32>, %arg3: tensor<12x2304x768xf32>, %arg4: tensor<12x2304xf32>, %arg5: tensor<12x768x768xf32>, %arg6: tensor<12x768xf32>, %arg7: tensor<12x768xf32>, %arg8: tensor<12x768xf32>, %arg9: tensor<12x3072x768xf32>, %arg10: tensor<12x3072xf32>, %arg11: tensor<12x768x3072xf32>, %arg12: tensor<12x768xf32>) -> (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) {
    %v1 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x8x197x768xf32>} : () -> tensor<12x8x197x768xf32>
    %v3:15 = "stablehlo.while"(%v1, %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v2) ({
      ^bb0(%v4: tensor<i32>, %v5: tensor<8x197x768xf32>, %v6: tensor<12x768xf32>, %v7: tensor<12x768xf32>, %v8: tensor<12x2304x768xf32>, %v9: tensor<12x2304xf32>, %v10: tensor<12x768x768xf32>, %v11: tensor<12x768xf32>, %v12: tensor<12x768xf32>, %v13: tensor<12x768xf32>, %v14: tensor<12x3072x768xf32>, %v15: tensor<12x3072xf32>, %v16: tensor<12x768x3072xf32>, %v17: tensor<12x768xf32>, %v18: tensor<12x8x197x768xf32>):
        %v19 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v20 = "stablehlo.compare"(%v4, %v19) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v20) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v21: tensor<i32>, %v22: tensor<8x197x768xf32>, %v23: tensor<12x768xf32>, %v24: tensor<12x768xf32>, %v25: tensor<12x2304x768xf32>, %v26: tensor<12x2304xf32>, %v27: tensor<12x768x768xf32>, %v28: tensor<12x768xf32>, %v29: tensor<12x768xf32>, %v30: tensor<12x768xf32>, %v31: tensor<12x3072x768xf32>, %v32: tensor<12x3072xf32>, %v33: tensor<12x768x3072xf32>, %v34: tensor<12x768xf32>, %v35: tensor<12x8x197x768xf32>):
        %v36 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v37 = "stablehlo.dynamic_slice"(%v23, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v38 = "stablehlo.reshape"(%v37) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v39 = "stablehlo.dynamic_slice"(%v24, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v40 = "stablehlo.reshape"(%v39) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v41 = "stablehlo.dynamic_slice"(%v25, %v21, %v36, %v36) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v42 = "stablehlo.reshape"(%v41) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v43 = "stablehlo.dynamic_slice"(%v26, %v21, %v36) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v44 = "stablehlo.reshape"(%v43) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v45 = "stablehlo.dynamic_slice"(%v27, %v21, %v36, %v36) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v46 = "stablehlo.reshape"(%v45) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v47 = "stablehlo.dynamic_slice"(%v28, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v48 = "stablehlo.reshape"(%v47) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v49 = "stablehlo.dynamic_slice"(%v29, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v50 = "stablehlo.reshape"(%v49) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v51 = "stablehlo.dynamic_slice"(%v30, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v52 = "stablehlo.reshape"(%v51) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v53 = "stablehlo.dynamic_slice"(%v31, %v21, %v36, %v36) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v54 = "stablehlo.reshape"(%v53) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v55 = "stablehlo.dynamic_slice"(%v32, %v21, %v36) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v56 = "stablehlo.reshape"(%v55) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v57 = "stablehlo.dynamic_slice"(%v33, %v21, %v36, %v36) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v58 = "stablehlo.reshape"(%v57) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v59 = "stablehlo.dynamic_slice"(%v34, %v21, %v36) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v60 = "stablehlo.reshape"(%v59) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v61 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v65 = "stablehlo.reduce"(%v22, %v61) ({
          ^bb0(%v62: tensor<f32>, %v63: tensor<f32>):
            %v64 = "stablehlo.add"(%v62, %v63) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v64) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v66 = "stablehlo.reshape"(%v65) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v67 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v68 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v69 = "stablehlo.divide"(%v66, %v68) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v70 = "stablehlo.broadcast_in_dim"(%v69) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v71 = "stablehlo.subtract"(%v22, %v70) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v72 = "stablehlo.multiply"(%v71, %v71) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v73 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v77 = "stablehlo.reduce"(%v72, %v73) ({
          ^bb0(%v74: tensor<f32>, %v75: tensor<f32>):
            %v76 = "stablehlo.add"(%v74, %v75) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v76) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v78 = "stablehlo.reshape"(%v77) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v79 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v80 = "stablehlo.broadcast_in_dim"(%v79) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v81 = "stablehlo.divide"(%v78, %v80) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v82 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v83 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v84 = "stablehlo.add"(%v81, %v83) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v85 = "stablehlo.rsqrt"(%v84) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v86 = "stablehlo.broadcast_in_dim"(%v85) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v87 = "stablehlo.multiply"(%v71, %v86) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v88 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v89 = "stablehlo.multiply"(%v87, %v88) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v90 = "stablehlo.broadcast_in_dim"(%v40) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v91 = "stablehlo.add"(%v89, %v90) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v92 = "stablehlo.dot_general"(%v91, %v42) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
        %v93 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
        %v94 = "stablehlo.add"(%v92, %v93) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v95 = "stablehlo.reshape"(%v94) : (tensor<8x197x2304xf32>) -> tensor<8x197x3x12x64xf32>
        %v96 = "stablehlo.transpose"(%v95) {permutation = array<i64: 2, 0, 3, 1, 4>} : (tensor<8x197x3x12x64xf32>) -> tensor<3x8x12x197x64xf32>
        %v97 = "stablehlo.slice"(%v96) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 1, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v98 = "stablehlo.reshape"(%v97) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v99 = "stablehlo.slice"(%v96) {start_indices = array<i64: 1, 0, 0, 0, 0>, limit_indices = array<i64: 2, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v100 = "stablehlo.reshape"(%v99) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v101 = "stablehlo.slice"(%v96) {start_indices = array<i64: 2, 0, 0, 0, 0>, limit_indices = array<i64: 3, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v102 = "stablehlo.reshape"(%v101) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v103 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x12x197x64xf32>
        %v105 = "stablehlo.multiply"(%v98, %v104) : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v106 = "stablehlo.transpose"(%v100) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x197x64xf32>) -> tensor<8x12x64x197xf32>
        %v107 = "stablehlo.dot_general"(%v105, %v106) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x64x197xf32>) -> tensor<8x12x197x197xf32>
        %v108 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
        %v112 = "stablehlo.reduce"(%v107, %v108) ({
          ^bb0(%v109: tensor<f32>, %v110: tensor<f32>):
            %v111 = "stablehlo.maximum"(%v109, %v110) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v111) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v113 = "stablehlo.reshape"(%v112) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v114 = "stablehlo.broadcast_in_dim"(%v113) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v115 = "stablehlo.subtract"(%v107, %v114) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v116 = "stablehlo.exponential"(%v115) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v117 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v121 = "stablehlo.reduce"(%v116, %v117) ({
          ^bb0(%v118: tensor<f32>, %v119: tensor<f32>):
            %v120 = "stablehlo.add"(%v118, %v119) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v120) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v122 = "stablehlo.reshape"(%v121) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v123 = "stablehlo.broadcast_in_dim"(%v122) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v124 = "stablehlo.divide"(%v116, %v123) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v125 = "stablehlo.dot_general"(%v124, %v102) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x197xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v126 = "stablehlo.transpose"(%v125) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v127 = "stablehlo.reshape"(%v126) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v128 = "stablehlo.dot_general"(%v127, %v46) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v129 = "stablehlo.broadcast_in_dim"(%v48) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v130 = "stablehlo.add"(%v128, %v129) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v131 = "stablehlo.add"(%v22, %v130) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v132 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v136 = "stablehlo.reduce"(%v131, %v132) ({
          ^bb0(%v133: tensor<f32>, %v134: tensor<f32>):
            %v135 = "stablehlo.add"(%v133, %v134) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v135) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v137 = "stablehlo.reshape"(%v136) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v138 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v139 = "stablehlo.broadcast_in_dim"(%v138) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v140 = "stablehlo.divide"(%v137, %v139) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v141 = "stablehlo.broadcast_in_dim"(%v140) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v142 = "stablehlo.subtract"(%v131, %v141) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v143 = "stablehlo.multiply"(%v142, %v142) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v144 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v148 = "stablehlo.reduce"(%v143, %v144) ({
          ^bb0(%v145: tensor<f32>, %v146: tensor<f32>):
            %v147 = "stablehlo.add"(%v145, %v146) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v147) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v149 = "stablehlo.reshape"(%v148) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v150 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v151 = "stablehlo.broadcast_in_dim"(%v150) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v152 = "stablehlo.divide"(%v149, %v151) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v153 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v154 = "stablehlo.broadcast_in_dim"(%v153) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v155 = "stablehlo.add"(%v152, %v154) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v156 = "stablehlo.rsqrt"(%v155) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v157 = "stablehlo.broadcast_in_dim"(%v156) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v158 = "stablehlo.multiply"(%v142, %v157) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v159 = "stablehlo.broadcast_in_dim"(%v50) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v160 = "stablehlo.multiply"(%v158, %v159) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v161 = "stablehlo.broadcast_in_dim"(%v52) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v162 = "stablehlo.add"(%v160, %v161) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v163 = "stablehlo.dot_general"(%v162, %v54) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
        %v164 = "stablehlo.broadcast_in_dim"(%v56) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
        %v165 = "stablehlo.add"(%v163, %v164) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v166 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v167 = "stablehlo.broadcast_in_dim"(%v166) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v168 = "stablehlo.multiply"(%v165, %v167) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v169 = "chlo.erf"(%v168) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v170 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v171 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v172 = "stablehlo.multiply"(%v165, %v171) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v173 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v174 = "stablehlo.broadcast_in_dim"(%v173) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v175 = "stablehlo.add"(%v169, %v174) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v176 = "stablehlo.multiply"(%v172, %v175) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v177 = "stablehlo.dot_general"(%v176, %v58) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x3072xf32>, tensor<768x3072xf32>) -> tensor<8x197x768xf32>
        %v178 = "stablehlo.broadcast_in_dim"(%v60) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v179 = "stablehlo.add"(%v177, %v178) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v180 = "stablehlo.add"(%v131, %v179) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v181 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v182 = "stablehlo.add"(%v21, %v181) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v183 = "stablehlo.reshape"(%v22) : (tensor<8x197x768xf32>) -> tensor<1x8x197x768xf32>
        %v184 = "stablehlo.dynamic_update_slice"(%v35, %v183, %v21, %v36, %v36, %v36) : (tensor<12x8x197x768xf32>, tensor<1x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x8x197x768xf32>
        "stablehlo.return"(%v182, %v180, %v23, %v24, %v25, %v26, %v27, %v28, %v29, %v30, %v31, %v32, %v33, %v34, %v184) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x8x197x768xf32>)
    %v185 = "stablehlo.multiply"(%v3#1, %v3#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v186 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v190 = "stablehlo.reduce"(%v185, %v186) ({
      ^bb0(%v187: tensor<f32>, %v188: tensor<f32>):
        %v189 = "stablehlo.add"(%v187, %v188) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v189) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<f32>
    %v191 = "stablehlo.constant"() {value = dense<0x4993C000> : tensor<f32>} : () -> tensor<f32>
    %v192 = "stablehlo.divide"(%v190, %v191) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v193 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v194 = "stablehlo.divide"(%v193, %v191) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v195 = "stablehlo.broadcast_in_dim"(%v194) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x768xf32>
    %v196 = "stablehlo.multiply"(%v195, %v3#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v197 = "stablehlo.multiply"(%v195, %v3#1) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v198 = "stablehlo.add"(%v196, %v197) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v199 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %v200 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v201 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v202 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304x768xf32>} : () -> tensor<12x2304x768xf32>
    %v203 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x2304xf32>} : () -> tensor<12x2304xf32>
    %v204 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x768xf32>} : () -> tensor<12x768x768xf32>
    %v205 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v206 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v207 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v208 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072x768xf32>} : () -> tensor<12x3072x768xf32>
    %v209 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x3072xf32>} : () -> tensor<12x3072xf32>
    %v210 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768x3072xf32>} : () -> tensor<12x768x3072xf32>
    %v211 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<12x768xf32>} : () -> tensor<12x768xf32>
    %v212:27 = "stablehlo.while"(%v199, %v198, %v3#14, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %v200, %v201, %v202, %v203, %v204, %v205, %v206, %v207, %v208, %v209, %v210, %v211) ({
      ^bb0(%v213: tensor<i32>, %v214: tensor<8x197x768xf32>, %v215: tensor<12x8x197x768xf32>, %v216: tensor<12x768xf32>, %v217: tensor<12x768xf32>, %v218: tensor<12x2304x768xf32>, %v219: tensor<12x2304xf32>, %v220: tensor<12x768x768xf32>, %v221: tensor<12x768xf32>, %v222: tensor<12x768xf32>, %v223: tensor<12x768xf32>, %v224: tensor<12x3072x768xf32>, %v225: tensor<12x3072xf32>, %v226: tensor<12x768x3072xf32>, %v227: tensor<12x768xf32>, %v228: tensor<12x768xf32>, %v229: tensor<12x768xf32>, %v230: tensor<12x2304x768xf32>, %v231: tensor<12x2304xf32>, %v232: tensor<12x768x768xf32>, %v233: tensor<12x768xf32>, %v234: tensor<12x768xf32>, %v235: tensor<12x768xf32>, %v236: tensor<12x3072x768xf32>, %v237: tensor<12x3072xf32>, %v238: tensor<12x768x3072xf32>, %v239: tensor<12x768xf32>):
        %v240 = "stablehlo.constant"() {value = dense<12> : tensor<i32>} : () -> tensor<i32>
        %v241 = "stablehlo.compare"(%v213, %v240) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
        "stablehlo.return"(%v241) : (tensor<i1>) -> ()
    }, {
      ^bb0(%v242: tensor<i32>, %v243: tensor<8x197x768xf32>, %v244: tensor<12x8x197x768xf32>, %v245: tensor<12x768xf32>, %v246: tensor<12x768xf32>, %v247: tensor<12x2304x768xf32>, %v248: tensor<12x2304xf32>, %v249: tensor<12x768x768xf32>, %v250: tensor<12x768xf32>, %v251: tensor<12x768xf32>, %v252: tensor<12x768xf32>, %v253: tensor<12x3072x768xf32>, %v254: tensor<12x3072xf32>, %v255: tensor<12x768x3072xf32>, %v256: tensor<12x768xf32>, %v257: tensor<12x768xf32>, %v258: tensor<12x768xf32>, %v259: tensor<12x2304x768xf32>, %v260: tensor<12x2304xf32>, %v261: tensor<12x768x768xf32>, %v262: tensor<12x768xf32>, %v263: tensor<12x768xf32>, %v264: tensor<12x768xf32>, %v265: tensor<12x3072x768xf32>, %v266: tensor<12x3072xf32>, %v267: tensor<12x768x3072xf32>, %v268: tensor<12x768xf32>):
        %v269 = "stablehlo.constant"() {value = dense<11> : tensor<i32>} : () -> tensor<i32>
        %v270 = "stablehlo.subtract"(%v269, %v242) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v271 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
        %v272 = "stablehlo.dynamic_slice"(%v244, %v270, %v271, %v271, %v271) {slice_sizes = array<i64: 1, 8, 197, 768>} : (tensor<12x8x197x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x8x197x768xf32>
        %v273 = "stablehlo.reshape"(%v272) : (tensor<1x8x197x768xf32>) -> tensor<8x197x768xf32>
        %v274 = "stablehlo.dynamic_slice"(%v245, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v275 = "stablehlo.reshape"(%v274) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v276 = "stablehlo.dynamic_slice"(%v246, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v277 = "stablehlo.reshape"(%v276) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v278 = "stablehlo.dynamic_slice"(%v247, %v270, %v271, %v271) {slice_sizes = array<i64: 1, 2304, 768>} : (tensor<12x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2304x768xf32>
        %v279 = "stablehlo.reshape"(%v278) : (tensor<1x2304x768xf32>) -> tensor<2304x768xf32>
        %v280 = "stablehlo.dynamic_slice"(%v248, %v270, %v271) {slice_sizes = array<i64: 1, 2304>} : (tensor<12x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<1x2304xf32>
        %v281 = "stablehlo.reshape"(%v280) : (tensor<1x2304xf32>) -> tensor<2304xf32>
        %v282 = "stablehlo.dynamic_slice"(%v249, %v270, %v271, %v271) {slice_sizes = array<i64: 1, 768, 768>} : (tensor<12x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x768xf32>
        %v283 = "stablehlo.reshape"(%v282) : (tensor<1x768x768xf32>) -> tensor<768x768xf32>
        %v284 = "stablehlo.dynamic_slice"(%v250, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v285 = "stablehlo.reshape"(%v284) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v286 = "stablehlo.dynamic_slice"(%v251, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v287 = "stablehlo.reshape"(%v286) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v288 = "stablehlo.dynamic_slice"(%v252, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v289 = "stablehlo.reshape"(%v288) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v290 = "stablehlo.dynamic_slice"(%v253, %v270, %v271, %v271) {slice_sizes = array<i64: 1, 3072, 768>} : (tensor<12x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x3072x768xf32>
        %v291 = "stablehlo.reshape"(%v290) : (tensor<1x3072x768xf32>) -> tensor<3072x768xf32>
        %v292 = "stablehlo.dynamic_slice"(%v254, %v270, %v271) {slice_sizes = array<i64: 1, 3072>} : (tensor<12x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3072xf32>
        %v293 = "stablehlo.reshape"(%v292) : (tensor<1x3072xf32>) -> tensor<3072xf32>
        %v294 = "stablehlo.dynamic_slice"(%v255, %v270, %v271, %v271) {slice_sizes = array<i64: 1, 768, 3072>} : (tensor<12x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x768x3072xf32>
        %v295 = "stablehlo.reshape"(%v294) : (tensor<1x768x3072xf32>) -> tensor<768x3072xf32>
        %v296 = "stablehlo.dynamic_slice"(%v256, %v270, %v271) {slice_sizes = array<i64: 1, 768>} : (tensor<12x768xf32>, tensor<i32>, tensor<i32>) -> tensor<1x768xf32>
        %v297 = "stablehlo.reshape"(%v296) : (tensor<1x768xf32>) -> tensor<768xf32>
        %v298 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v302 = "stablehlo.reduce"(%v273, %v298) ({
          ^bb0(%v299: tensor<f32>, %v300: tensor<f32>):
            %v301 = "stablehlo.add"(%v299, %v300) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v301) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v303 = "stablehlo.reshape"(%v302) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v304 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v305 = "stablehlo.broadcast_in_dim"(%v304) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v306 = "stablehlo.divide"(%v303, %v305) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v307 = "stablehlo.broadcast_in_dim"(%v306) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v308 = "stablehlo.subtract"(%v273, %v307) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v309 = "stablehlo.multiply"(%v308, %v308) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v310 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v314 = "stablehlo.reduce"(%v309, %v310) ({
          ^bb0(%v311: tensor<f32>, %v312: tensor<f32>):
            %v313 = "stablehlo.add"(%v311, %v312) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v313) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v315 = "stablehlo.reshape"(%v314) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v316 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v317 = "stablehlo.broadcast_in_dim"(%v316) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v318 = "stablehlo.divide"(%v315, %v317) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v319 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v320 = "stablehlo.broadcast_in_dim"(%v319) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v321 = "stablehlo.add"(%v318, %v320) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v322 = "stablehlo.rsqrt"(%v321) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v323 = "stablehlo.broadcast_in_dim"(%v322) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v324 = "stablehlo.multiply"(%v308, %v323) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v325 = "stablehlo.broadcast_in_dim"(%v275) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v326 = "stablehlo.multiply"(%v324, %v325) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v327 = "stablehlo.broadcast_in_dim"(%v277) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v328 = "stablehlo.add"(%v326, %v327) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v329 = "stablehlo.dot_general"(%v328, %v279) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
        %v330 = "stablehlo.broadcast_in_dim"(%v281) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
        %v331 = "stablehlo.add"(%v329, %v330) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
        %v332 = "stablehlo.reshape"(%v331) : (tensor<8x197x2304xf32>) -> tensor<8x197x3x12x64xf32>
        %v333 = "stablehlo.transpose"(%v332) {permutation = array<i64: 2, 0, 3, 1, 4>} : (tensor<8x197x3x12x64xf32>) -> tensor<3x8x12x197x64xf32>
        %v334 = "stablehlo.slice"(%v333) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 1, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v335 = "stablehlo.reshape"(%v334) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v336 = "stablehlo.slice"(%v333) {start_indices = array<i64: 1, 0, 0, 0, 0>, limit_indices = array<i64: 2, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v337 = "stablehlo.reshape"(%v336) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v338 = "stablehlo.slice"(%v333) {start_indices = array<i64: 2, 0, 0, 0, 0>, limit_indices = array<i64: 3, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v339 = "stablehlo.reshape"(%v338) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v340 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
        %v341 = "stablehlo.broadcast_in_dim"(%v340) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x12x197x64xf32>
        %v342 = "stablehlo.multiply"(%v335, %v341) : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v343 = "stablehlo.transpose"(%v337) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x197x64xf32>) -> tensor<8x12x64x197xf32>
        %v344 = "stablehlo.dot_general"(%v342, %v343) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x64x197xf32>) -> tensor<8x12x197x197xf32>
        %v345 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
        %v349 = "stablehlo.reduce"(%v344, %v345) ({
          ^bb0(%v346: tensor<f32>, %v347: tensor<f32>):
            %v348 = "stablehlo.maximum"(%v346, %v347) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v348) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v350 = "stablehlo.reshape"(%v349) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v351 = "stablehlo.broadcast_in_dim"(%v350) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v352 = "stablehlo.subtract"(%v344, %v351) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v353 = "stablehlo.exponential"(%v352) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v354 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v358 = "stablehlo.reduce"(%v353, %v354) ({
          ^bb0(%v355: tensor<f32>, %v356: tensor<f32>):
            %v357 = "stablehlo.add"(%v355, %v356) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v357) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v359 = "stablehlo.reshape"(%v358) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v360 = "stablehlo.broadcast_in_dim"(%v359) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
        %v361 = "stablehlo.divide"(%v353, %v360) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v362 = "stablehlo.dot_general"(%v361, %v339) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x197xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v363 = "stablehlo.transpose"(%v362) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
        %v364 = "stablehlo.reshape"(%v363) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
        %v365 = "stablehlo.dot_general"(%v364, %v283) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v366 = "stablehlo.broadcast_in_dim"(%v285) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v367 = "stablehlo.add"(%v365, %v366) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v368 = "stablehlo.add"(%v273, %v367) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v369 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v373 = "stablehlo.reduce"(%v368, %v369) ({
          ^bb0(%v370: tensor<f32>, %v371: tensor<f32>):
            %v372 = "stablehlo.add"(%v370, %v371) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v372) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v374 = "stablehlo.reshape"(%v373) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v375 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v376 = "stablehlo.broadcast_in_dim"(%v375) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v377 = "stablehlo.divide"(%v374, %v376) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v378 = "stablehlo.broadcast_in_dim"(%v377) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v379 = "stablehlo.subtract"(%v368, %v378) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v380 = "stablehlo.multiply"(%v379, %v379) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v381 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v385 = "stablehlo.reduce"(%v380, %v381) ({
          ^bb0(%v382: tensor<f32>, %v383: tensor<f32>):
            %v384 = "stablehlo.add"(%v382, %v383) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v384) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v386 = "stablehlo.reshape"(%v385) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v387 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
        %v388 = "stablehlo.broadcast_in_dim"(%v387) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v389 = "stablehlo.divide"(%v386, %v388) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v390 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
        %v391 = "stablehlo.broadcast_in_dim"(%v390) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v392 = "stablehlo.add"(%v389, %v391) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v393 = "stablehlo.rsqrt"(%v392) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v394 = "stablehlo.broadcast_in_dim"(%v393) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
        %v395 = "stablehlo.multiply"(%v379, %v394) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v396 = "stablehlo.broadcast_in_dim"(%v287) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v397 = "stablehlo.multiply"(%v395, %v396) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v398 = "stablehlo.broadcast_in_dim"(%v289) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
        %v399 = "stablehlo.add"(%v397, %v398) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v400 = "stablehlo.dot_general"(%v399, %v291) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
        %v401 = "stablehlo.broadcast_in_dim"(%v293) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
        %v402 = "stablehlo.add"(%v400, %v401) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v403 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
        %v404 = "stablehlo.broadcast_in_dim"(%v403) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v405 = "stablehlo.multiply"(%v402, %v404) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v406 = "chlo.erf"(%v405) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v407 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
        %v408 = "stablehlo.broadcast_in_dim"(%v407) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v409 = "stablehlo.multiply"(%v402, %v408) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v410 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
        %v411 = "stablehlo.broadcast_in_dim"(%v410) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v412 = "stablehlo.add"(%v406, %v411) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v413 = "stablehlo.multiply"(%v409, %v412) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v414 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v418 = "stablehlo.reduce"(%v243, %v414) ({
          ^bb0(%v415: tensor<f32>, %v416: tensor<f32>):
            %v417 = "stablehlo.add"(%v415, %v416) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v417) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v419 = "stablehlo.dot_general"(%v243, %v295) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x3072xf32>) -> tensor<8x197x3072xf32>
        %v420 = "stablehlo.dot_general"(%v243, %v413) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x3072xf32>) -> tensor<768x3072xf32>
        %v421 = "stablehlo.multiply"(%v419, %v412) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v422 = "stablehlo.multiply"(%v419, %v409) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v423 = "stablehlo.multiply"(%v421, %v408) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v424 = "stablehlo.multiply"(%v405, %v405) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v425 = "stablehlo.negate"(%v424) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v426 = "stablehlo.exponential"(%v425) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v427 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
        %v428 = "stablehlo.broadcast_in_dim"(%v427) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
        %v429 = "stablehlo.multiply"(%v426, %v428) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v430 = "stablehlo.multiply"(%v422, %v429) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v431 = "stablehlo.multiply"(%v430, %v404) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v432 = "stablehlo.add"(%v423, %v431) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
        %v433 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v437 = "stablehlo.reduce"(%v432, %v433) ({
          ^bb0(%v434: tensor<f32>, %v435: tensor<f32>):
            %v436 = "stablehlo.add"(%v434, %v435) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v436) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x3072xf32>, tensor<f32>) -> tensor<3072xf32>
        %v438 = "stablehlo.dot_general"(%v432, %v291) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x3072xf32>, tensor<3072x768xf32>) -> tensor<8x197x768xf32>
        %v439 = "stablehlo.dot_general"(%v432, %v399) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x3072xf32>, tensor<8x197x768xf32>) -> tensor<3072x768xf32>
        %v440 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v444 = "stablehlo.reduce"(%v438, %v440) ({
          ^bb0(%v441: tensor<f32>, %v442: tensor<f32>):
            %v443 = "stablehlo.add"(%v441, %v442) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v443) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v445 = "stablehlo.multiply"(%v438, %v396) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v446 = "stablehlo.multiply"(%v438, %v395) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v447 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v451 = "stablehlo.reduce"(%v446, %v447) ({
          ^bb0(%v448: tensor<f32>, %v449: tensor<f32>):
            %v450 = "stablehlo.add"(%v448, %v449) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v450) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v452 = "stablehlo.multiply"(%v445, %v394) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v453 = "stablehlo.multiply"(%v445, %v379) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v454 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v458 = "stablehlo.reduce"(%v453, %v454) ({
          ^bb0(%v455: tensor<f32>, %v456: tensor<f32>):
            %v457 = "stablehlo.add"(%v455, %v456) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v457) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v459 = "stablehlo.reshape"(%v458) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v460 = "stablehlo.multiply"(%v393, %v393) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v461 = "stablehlo.multiply"(%v460, %v393) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v462 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v463 = "stablehlo.broadcast_in_dim"(%v462) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v464 = "stablehlo.multiply"(%v461, %v463) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v465 = "stablehlo.multiply"(%v459, %v464) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v466 = "stablehlo.divide"(%v465, %v388) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v467 = "stablehlo.reshape"(%v466) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v468 = "stablehlo.broadcast_in_dim"(%v467) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v469 = "stablehlo.multiply"(%v468, %v379) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v470 = "stablehlo.multiply"(%v468, %v379) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v471 = "stablehlo.add"(%v452, %v469) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v472 = "stablehlo.add"(%v471, %v470) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v473 = "stablehlo.negate"(%v472) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v474 = "stablehlo.add"(%v243, %v472) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v475 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v479 = "stablehlo.reduce"(%v473, %v475) ({
          ^bb0(%v476: tensor<f32>, %v477: tensor<f32>):
            %v478 = "stablehlo.add"(%v476, %v477) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v478) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v480 = "stablehlo.reshape"(%v479) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v481 = "stablehlo.divide"(%v480, %v376) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v482 = "stablehlo.reshape"(%v481) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v483 = "stablehlo.broadcast_in_dim"(%v482) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v484 = "stablehlo.add"(%v474, %v483) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v485 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v489 = "stablehlo.reduce"(%v484, %v485) ({
          ^bb0(%v486: tensor<f32>, %v487: tensor<f32>):
            %v488 = "stablehlo.add"(%v486, %v487) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v488) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v490 = "stablehlo.dot_general"(%v484, %v283) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
        %v491 = "stablehlo.dot_general"(%v484, %v364) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<768x768xf32>
        %v492 = "stablehlo.reshape"(%v490) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
        %v493 = "stablehlo.transpose"(%v492) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
        %v494 = "stablehlo.dot_general"(%v493, %v339) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x197xf32>
        %v495 = "stablehlo.dot_general"(%v493, %v361) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x64x197xf32>
        %v496 = "stablehlo.transpose"(%v495) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
        %v497 = "stablehlo.divide"(%v494, %v360) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v498 = "stablehlo.multiply"(%v494, %v361) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v499 = "stablehlo.divide"(%v498, %v360) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v500 = "stablehlo.negate"(%v499) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v501 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v505 = "stablehlo.reduce"(%v500, %v501) ({
          ^bb0(%v502: tensor<f32>, %v503: tensor<f32>):
            %v504 = "stablehlo.add"(%v502, %v503) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v504) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
        %v506 = "stablehlo.reshape"(%v505) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
        %v507 = "stablehlo.reshape"(%v506) : (tensor<8x12x197x1xf32>) -> tensor<8x12x197xf32>
        %v508 = "stablehlo.broadcast_in_dim"(%v507) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x12x197xf32>) -> tensor<8x12x197x197xf32>
        %v509 = "stablehlo.add"(%v497, %v508) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v510 = "stablehlo.multiply"(%v509, %v353) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
        %v511 = "stablehlo.dot_general"(%v510, %v343) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x12x197x197xf32>, tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
        %v512 = "stablehlo.dot_general"(%v510, %v342) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x197xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v513 = "stablehlo.transpose"(%v512) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x197x64xf32>) -> tensor<8x12x64x197xf32>
        %v514 = "stablehlo.transpose"(%v513) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
        %v515 = "stablehlo.multiply"(%v511, %v341) : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
        %v516 = "stablehlo.reshape"(%v496) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v517 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v518 = "stablehlo.pad"(%v516, %v517) {edge_padding_low = array<i64: 2, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
        %v519 = "stablehlo.reshape"(%v514) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v520 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v521 = "stablehlo.pad"(%v519, %v520) {edge_padding_low = array<i64: 1, 0, 0, 0, 0>, edge_padding_high = array<i64: 1, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
        %v522 = "stablehlo.add"(%v518, %v521) : (tensor<3x8x12x197x64xf32>, tensor<3x8x12x197x64xf32>) -> tensor<3x8x12x197x64xf32>
        %v523 = "stablehlo.reshape"(%v515) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
        %v524 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v525 = "stablehlo.pad"(%v523, %v524) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 2, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
        %v526 = "stablehlo.add"(%v522, %v525) : (tensor<3x8x12x197x64xf32>, tensor<3x8x12x197x64xf32>) -> tensor<3x8x12x197x64xf32>
        %v527 = "stablehlo.transpose"(%v526) {permutation = array<i64: 1, 3, 0, 2, 4>} : (tensor<3x8x12x197x64xf32>) -> tensor<8x197x3x12x64xf32>
        %v528 = "stablehlo.reshape"(%v527) : (tensor<8x197x3x12x64xf32>) -> tensor<8x197x2304xf32>
        %v529 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v533 = "stablehlo.reduce"(%v528, %v529) ({
          ^bb0(%v530: tensor<f32>, %v531: tensor<f32>):
            %v532 = "stablehlo.add"(%v530, %v531) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v532) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x2304xf32>, tensor<f32>) -> tensor<2304xf32>
        %v534 = "stablehlo.dot_general"(%v528, %v279) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x2304xf32>, tensor<2304x768xf32>) -> tensor<8x197x768xf32>
        %v535 = "stablehlo.dot_general"(%v528, %v328) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x2304xf32>, tensor<8x197x768xf32>) -> tensor<2304x768xf32>
        %v536 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v540 = "stablehlo.reduce"(%v534, %v536) ({
          ^bb0(%v537: tensor<f32>, %v538: tensor<f32>):
            %v539 = "stablehlo.add"(%v537, %v538) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v539) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v541 = "stablehlo.multiply"(%v534, %v325) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v542 = "stablehlo.multiply"(%v534, %v324) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v543 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v547 = "stablehlo.reduce"(%v542, %v543) ({
          ^bb0(%v544: tensor<f32>, %v545: tensor<f32>):
            %v546 = "stablehlo.add"(%v544, %v545) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v546) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
        %v548 = "stablehlo.multiply"(%v541, %v323) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v549 = "stablehlo.multiply"(%v541, %v308) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v550 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v554 = "stablehlo.reduce"(%v549, %v550) ({
          ^bb0(%v551: tensor<f32>, %v552: tensor<f32>):
            %v553 = "stablehlo.add"(%v551, %v552) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v553) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v555 = "stablehlo.reshape"(%v554) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v556 = "stablehlo.multiply"(%v322, %v322) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v557 = "stablehlo.multiply"(%v556, %v322) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v558 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
        %v559 = "stablehlo.broadcast_in_dim"(%v558) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
        %v560 = "stablehlo.multiply"(%v557, %v559) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v561 = "stablehlo.multiply"(%v555, %v560) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v562 = "stablehlo.divide"(%v561, %v317) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v563 = "stablehlo.reshape"(%v562) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v564 = "stablehlo.broadcast_in_dim"(%v563) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v565 = "stablehlo.multiply"(%v564, %v308) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v566 = "stablehlo.multiply"(%v564, %v308) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v567 = "stablehlo.add"(%v548, %v565) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v568 = "stablehlo.add"(%v567, %v566) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v569 = "stablehlo.negate"(%v568) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v570 = "stablehlo.add"(%v484, %v568) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v571 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
        %v575 = "stablehlo.reduce"(%v569, %v571) ({
          ^bb0(%v572: tensor<f32>, %v573: tensor<f32>):
            %v574 = "stablehlo.add"(%v572, %v573) : (tensor<f32>, tensor<f32>) -> tensor<f32>
            "stablehlo.return"(%v574) : (tensor<f32>) -> ()
        }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
        %v576 = "stablehlo.reshape"(%v575) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
        %v577 = "stablehlo.divide"(%v576, %v305) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
        %v578 = "stablehlo.reshape"(%v577) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
        %v579 = "stablehlo.broadcast_in_dim"(%v578) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
        %v580 = "stablehlo.add"(%v570, %v579) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
        %v581 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
        %v582 = "stablehlo.add"(%v242, %v581) : (tensor<i32>, tensor<i32>) -> tensor<i32>
        %v583 = "stablehlo.reshape"(%v547) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v584 = "stablehlo.dynamic_update_slice"(%v257, %v583, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v585 = "stablehlo.reshape"(%v540) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v586 = "stablehlo.dynamic_update_slice"(%v258, %v585, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v587 = "stablehlo.reshape"(%v535) : (tensor<2304x768xf32>) -> tensor<1x2304x768xf32>
        %v588 = "stablehlo.dynamic_update_slice"(%v259, %v587, %v270, %v271, %v271) : (tensor<12x2304x768xf32>, tensor<1x2304x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x2304x768xf32>
        %v589 = "stablehlo.reshape"(%v533) : (tensor<2304xf32>) -> tensor<1x2304xf32>
        %v590 = "stablehlo.dynamic_update_slice"(%v260, %v589, %v270, %v271) : (tensor<12x2304xf32>, tensor<1x2304xf32>, tensor<i32>, tensor<i32>) -> tensor<12x2304xf32>
        %v591 = "stablehlo.reshape"(%v491) : (tensor<768x768xf32>) -> tensor<1x768x768xf32>
        %v592 = "stablehlo.dynamic_update_slice"(%v261, %v591, %v270, %v271, %v271) : (tensor<12x768x768xf32>, tensor<1x768x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x768xf32>
        %v593 = "stablehlo.reshape"(%v489) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v594 = "stablehlo.dynamic_update_slice"(%v262, %v593, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v595 = "stablehlo.reshape"(%v451) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v596 = "stablehlo.dynamic_update_slice"(%v263, %v595, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v597 = "stablehlo.reshape"(%v444) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v598 = "stablehlo.dynamic_update_slice"(%v264, %v597, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        %v599 = "stablehlo.reshape"(%v439) : (tensor<3072x768xf32>) -> tensor<1x3072x768xf32>
        %v600 = "stablehlo.dynamic_update_slice"(%v265, %v599, %v270, %v271, %v271) : (tensor<12x3072x768xf32>, tensor<1x3072x768xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x3072x768xf32>
        %v601 = "stablehlo.reshape"(%v437) : (tensor<3072xf32>) -> tensor<1x3072xf32>
        %v602 = "stablehlo.dynamic_update_slice"(%v266, %v601, %v270, %v271) : (tensor<12x3072xf32>, tensor<1x3072xf32>, tensor<i32>, tensor<i32>) -> tensor<12x3072xf32>
        %v603 = "stablehlo.reshape"(%v420) : (tensor<768x3072xf32>) -> tensor<1x768x3072xf32>
        %v604 = "stablehlo.dynamic_update_slice"(%v267, %v603, %v270, %v271, %v271) : (tensor<12x768x3072xf32>, tensor<1x768x3072xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<12x768x3072xf32>
        %v605 = "stablehlo.reshape"(%v418) : (tensor<768xf32>) -> tensor<1x768xf32>
        %v606 = "stablehlo.dynamic_update_slice"(%v268, %v605, %v270, %v271) : (tensor<12x768xf32>, tensor<1x768xf32>, tensor<i32>, tensor<i32>) -> tensor<12x768xf32>
        "stablehlo.return"(%v582, %v580, %v244, %v245, %v246, %v247, %v248, %v249, %v250, %v251, %v252, %v253, %v254, %v255, %v256, %v584, %v586, %v588, %v590, %v592, %v594, %v596, %v598, %v600, %v602, %v604, %v606) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
    }) : (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> (tensor<i32>, tensor<8x197x768xf32>, tensor<12x8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>)
    "func.return"(%v192, %v212#1, %v212#15, %v212#16, %v212#17, %v212#18, %v212#19, %v212#20, %v212#21, %v212#22, %v212#23, %v212#24, %v212#25, %v212#26) : (tensor<f32>, tensor<8x197x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x2304x768xf32>, tensor<12x2304xf32>, tensor<12x768x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x768xf32>, tensor<12x3072x768xf32>, tensor<12x3072xf32>, tensor<12x768x3072xf32>, tensor<12x768xf32>) -> ()
  }
}
