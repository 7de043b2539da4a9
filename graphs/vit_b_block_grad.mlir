module @vit_block_grad {
  func.func public @main(%arg0: tensor<8x197x768xf32>, %arg1: tensor<768xf32>, %arg2: tensor<768xf32>, %arg3: tensor<2304x768xf32>, %arg4: tensor<2304xf32>, %arg5: tensor<768x768xf32>, %arg6: tensor<768xf32>, %arg7: tensor<768xf32>, %arg8: tensor<768xf32>, %arg9: tensor<3072x768xf32>, %arg10: tensor<3072xf32>, %arg11: tensor<768x3072xf32>, %arg12: tensor<768xf32>) -> (tensor<f32>, tensor<8x197x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<2304x768xf32>, tensor<2304xf32>, tensor<768x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<3072x768xf32>, tensor<3072xf32>, tensor<768x3072xf32>, tensor<768xf32>) {
    %v1 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v5 = "stablehlo.reduce"(%arg0, %v1) ({
      ^bb0(%v2: tensor<f32>, %v3: tensor<f32>):
        %v4 = "stablehlo.add"(%v2, %v3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v4) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v6 = "stablehlo.reshape"(%v5) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v7 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v9 = "stablehlo.divide"(%v6, %v8) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v11 = "stablehlo.subtract"(%arg0, %v10) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v12 = "stablehlo.multiply"(%v11, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v17 = "stablehlo.reduce"(%v12, %v13) ({
      ^bb0(%v14: tensor<f32>, %v15: tensor<f32>):
        %v16 = "stablehlo.add"(%v14, %v15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v16) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v18 = "stablehlo.reshape"(%v17) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v19 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v21 = "stablehlo.divide"(%v18, %v20) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v22 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
    %v23 = "stablehlo.broadcast_in_dim"(%v22) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v24 = "stablehlo.add"(%v21, %v23) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v25 = "stablehlo.rsqrt"(%v24) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v26 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v27 = "stablehlo.multiply"(%v11, %v26) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v28 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v29 = "stablehlo.multiply"(%v27, %v28) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v30 = "stablehlo.broadcast_in_dim"(%arg2) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v31 = "stablehlo.add"(%v29, %v30) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v32 = "stablehlo.dot_general"(%v31, %arg3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
    %v33 = "stablehlo.broadcast_in_dim"(%arg4) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
    %v34 = "stablehlo.add"(%v32, %v33) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
    %v35 = "stablehlo.slice"(%v34) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 8, 197, 768>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
    %v36 = "stablehlo.slice"(%v34) {start_indices = array<i64: 0, 0, 768>, limit_indices = array<i64: 8, 197, 1536>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
    %v37 = "stablehlo.slice"(%v34) {start_indices = array<i64: 0, 0, 1536>, limit_indices = array<i64: 8, 197, 2304>, strides = array<i64: 1, 1, 1>} : (tensor<8x197x2304xf32>) -> tensor<8x197x768xf32>
    %v38 = "stablehlo.reshape"(%v35) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
    %v39 = "stablehlo.reshape"(%v36) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
    %v40 = "stablehlo.reshape"(%v37) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
    %v41 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
    %v42 = "stablehlo.broadcast_in_dim"(%v41) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x12x64xf32>
    %v43 = "stablehlo.multiply"(%v38, %v42) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
    %v44 = "stablehlo.dot_general"(%v43, %v39) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 2], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
    %v45 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v49 = "stablehlo.reduce"(%v44, %v45) ({
      ^bb0(%v46: tensor<f32>, %v47: tensor<f32>):
        %v48 = "stablehlo.maximum"(%v46, %v47) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v48) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v50 = "stablehlo.reshape"(%v49) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v51 = "stablehlo.broadcast_in_dim"(%v50) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
    %v52 = "stablehlo.subtract"(%v44, %v51) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v53 = "stablehlo.exponential"(%v52) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v54 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v58 = "stablehlo.reduce"(%v53, %v54) ({
      ^bb0(%v55: tensor<f32>, %v56: tensor<f32>):
        %v57 = "stablehlo.add"(%v55, %v56) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v57) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v59 = "stablehlo.reshape"(%v58) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v60 = "stablehlo.broadcast_in_dim"(%v59) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
    %v61 = "stablehlo.divide"(%v53, %v60) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v62 = "stablehlo.dot_general"(%v61, %v40) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
    %v63 = "stablehlo.transpose"(%v62) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
    %v64 = "stablehlo.reshape"(%v63) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
    %v65 = "stablehlo.dot_general"(%v64, %arg5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
    %v66 = "stablehlo.broadcast_in_dim"(%arg6) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v67 = "stablehlo.add"(%v65, %v66) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v68 = "stablehlo.add"(%arg0, %v67) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v69 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v73 = "stablehlo.reduce"(%v68, %v69) ({
      ^bb0(%v70: tensor<f32>, %v71: tensor<f32>):
        %v72 = "stablehlo.add"(%v70, %v71) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v72) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v74 = "stablehlo.reshape"(%v73) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v75 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v76 = "stablehlo.broadcast_in_dim"(%v75) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v77 = "stablehlo.divide"(%v74, %v76) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v78 = "stablehlo.broadcast_in_dim"(%v77) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v79 = "stablehlo.subtract"(%v68, %v78) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v80 = "stablehlo.multiply"(%v79, %v79) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v81 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v85 = "stablehlo.reduce"(%v80, %v81) ({
      ^bb0(%v82: tensor<f32>, %v83: tensor<f32>):
        %v84 = "stablehlo.add"(%v82, %v83) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v84) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v86 = "stablehlo.reshape"(%v85) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v87 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v88 = "stablehlo.broadcast_in_dim"(%v87) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v89 = "stablehlo.divide"(%v86, %v88) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v90 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v92 = "stablehlo.add"(%v89, %v91) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v93 = "stablehlo.rsqrt"(%v92) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v94 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v95 = "stablehlo.multiply"(%v79, %v94) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v96 = "stablehlo.broadcast_in_dim"(%arg7) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v97 = "stablehlo.multiply"(%v95, %v96) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v98 = "stablehlo.broadcast_in_dim"(%arg8) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v99 = "stablehlo.add"(%v97, %v98) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v100 = "stablehlo.dot_general"(%v99, %arg9) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
    %v101 = "stablehlo.broadcast_in_dim"(%arg10) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
    %v102 = "stablehlo.add"(%v100, %v101) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v103 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v105 = "stablehlo.multiply"(%v102, %v104) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v106 = "chlo.erf"(%v105) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v107 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v108 = "stablehlo.broadcast_in_dim"(%v107) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v109 = "stablehlo.multiply"(%v102, %v108) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v110 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v111 = "stablehlo.broadcast_in_dim"(%v110) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v112 = "stablehlo.add"(%v106, %v111) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v113 = "stablehlo.multiply"(%v109, %v112) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v114 = "stablehlo.dot_general"(%v113, %arg11) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<768x3072xf32>) -> tensor<8x197x768xf32>
    %v115 = "stablehlo.broadcast_in_dim"(%arg12) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v116 = "stablehlo.add"(%v114, %v115) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v117 = "stablehlo.add"(%v68, %v116) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v118 = "stablehlo.multiply"(%v117, %v117) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v119 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v123 = "stablehlo.reduce"(%v118, %v119) ({
      ^bb0(%v120: tensor<f32>, %v121: tensor<f32>):
        %v122 = "stablehlo.add"(%v120, %v121) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v122) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<f32>
    %v124 = "stablehlo.constant"() {value = dense<0x4993C000> : tensor<f32>} : () -> tensor<f32>
    %v125 = "stablehlo.divide"(%v123, %v124) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v126 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v127 = "stablehlo.divide"(%v126, %v124) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v128 = "stablehlo.broadcast_in_dim"(%v127) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x768xf32>
    %v129 = "stablehlo.multiply"(%v128, %v117) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v130 = "stablehlo.multiply"(%v128, %v117) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v131 = "stablehlo.add"(%v129, %v130) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v132 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.reduce"(%v131, %v132) ({
      ^bb0(%v133: tensor<f32>, %v134: tensor<f32>):
        %v135 = "stablehlo.add"(%v133, %v134) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v135) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v137 = "stablehlo.dot_general"(%v131, %arg11) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x3072xf32>) -> tensor<8x197x3072xf32>
    %v138 = "stablehlo.dot_general"(%v131, %v113) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<8x197x3072xf32>) -> tensor<768x3072xf32>
    %v139 = "stablehlo.multiply"(%v137, %v112) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v140 = "stablehlo.multiply"(%v137, %v109) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v141 = "stablehlo.multiply"(%v139, %v108) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v142 = "stablehlo.multiply"(%v105, %v105) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v143 = "stablehlo.negate"(%v142) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v144 = "stablehlo.exponential"(%v143) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v145 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
    %v146 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v147 = "stablehlo.multiply"(%v144, %v146) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v148 = "stablehlo.multiply"(%v140, %v147) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v149 = "stablehlo.multiply"(%v148, %v104) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v150 = "stablehlo.add"(%v141, %v149) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v151 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v155 = "stablehlo.reduce"(%v150, %v151) ({
      ^bb0(%v152: tensor<f32>, %v153: tensor<f32>):
        %v154 = "stablehlo.add"(%v152, %v153) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v154) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x3072xf32>, tensor<f32>) -> tensor<3072xf32>
    %v156 = "stablehlo.dot_general"(%v150, %arg9) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<3072x768xf32>) -> tensor<8x197x768xf32>
    %v157 = "stablehlo.dot_general"(%v150, %v99) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x3072xf32>, tensor<8x197x768xf32>) -> tensor<3072x768xf32>
    %v158 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v162 = "stablehlo.reduce"(%v156, %v158) ({
      ^bb0(%v159: tensor<f32>, %v160: tensor<f32>):
        %v161 = "stablehlo.add"(%v159, %v160) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v161) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v163 = "stablehlo.multiply"(%v156, %v96) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v164 = "stablehlo.multiply"(%v156, %v95) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v165 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v169 = "stablehlo.reduce"(%v164, %v165) ({
      ^bb0(%v166: tensor<f32>, %v167: tensor<f32>):
        %v168 = "stablehlo.add"(%v166, %v167) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v168) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v170 = "stablehlo.multiply"(%v163, %v94) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v171 = "stablehlo.multiply"(%v163, %v79) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v172 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v176 = "stablehlo.reduce"(%v171, %v172) ({
      ^bb0(%v173: tensor<f32>, %v174: tensor<f32>):
        %v175 = "stablehlo.add"(%v173, %v174) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v175) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v177 = "stablehlo.reshape"(%v176) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v178 = "stablehlo.multiply"(%v93, %v93) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v179 = "stablehlo.multiply"(%v178, %v93) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v180 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v181 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v182 = "stablehlo.multiply"(%v179, %v181) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v183 = "stablehlo.multiply"(%v177, %v182) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v184 = "stablehlo.divide"(%v183, %v88) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v185 = "stablehlo.reshape"(%v184) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v186 = "stablehlo.broadcast_in_dim"(%v185) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v187 = "stablehlo.multiply"(%v186, %v79) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v188 = "stablehlo.multiply"(%v186, %v79) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v189 = "stablehlo.add"(%v170, %v187) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v190 = "stablehlo.add"(%v189, %v188) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v191 = "stablehlo.negate"(%v190) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v192 = "stablehlo.add"(%v131, %v190) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v193 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v197 = "stablehlo.reduce"(%v191, %v193) ({
      ^bb0(%v194: tensor<f32>, %v195: tensor<f32>):
        %v196 = "stablehlo.add"(%v194, %v195) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v196) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v198 = "stablehlo.reshape"(%v197) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v199 = "stablehlo.divide"(%v198, %v76) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v200 = "stablehlo.reshape"(%v199) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v201 = "stablehlo.broadcast_in_dim"(%v200) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v202 = "stablehlo.add"(%v192, %v201) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v203 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v207 = "stablehlo.reduce"(%v202, %v203) ({
      ^bb0(%v204: tensor<f32>, %v205: tensor<f32>):
        %v206 = "stablehlo.add"(%v204, %v205) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v206) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v208 = "stablehlo.dot_general"(%v202, %arg5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
    %v209 = "stablehlo.dot_general"(%v202, %v64) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<768x768xf32>
    %v210 = "stablehlo.reshape"(%v208) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
    %v211 = "stablehlo.transpose"(%v210) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
    %v212 = "stablehlo.dot_general"(%v211, %v40) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x197xf32>
    %v213 = "stablehlo.dot_general"(%v211, %v61) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x64xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x64x197xf32>
    %v214 = "stablehlo.transpose"(%v213) {permutation = array<i64: 0, 3, 1, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x197x12x64xf32>
    %v215 = "stablehlo.divide"(%v212, %v60) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v216 = "stablehlo.multiply"(%v212, %v61) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v217 = "stablehlo.divide"(%v216, %v60) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v218 = "stablehlo.negate"(%v217) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v219 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v223 = "stablehlo.reduce"(%v218, %v219) ({
      ^bb0(%v220: tensor<f32>, %v221: tensor<f32>):
        %v222 = "stablehlo.add"(%v220, %v221) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v222) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v224 = "stablehlo.reshape"(%v223) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v225 = "stablehlo.reshape"(%v224) : (tensor<8x12x197x1xf32>) -> tensor<8x12x197xf32>
    %v226 = "stablehlo.broadcast_in_dim"(%v225) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x12x197xf32>) -> tensor<8x12x197x197xf32>
    %v227 = "stablehlo.add"(%v215, %v226) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v228 = "stablehlo.multiply"(%v227, %v53) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v229 = "stablehlo.dot_general"(%v228, %v39) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
    %v230 = "stablehlo.transpose"(%v229) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
    %v231 = "stablehlo.dot_general"(%v228, %v43) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 2], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x12x197x197xf32>, tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
    %v232 = "stablehlo.transpose"(%v231) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
    %v233 = "stablehlo.multiply"(%v230, %v42) : (tensor<8x197x12x64xf32>, tensor<8x197x12x64xf32>) -> tensor<8x197x12x64xf32>
    %v234 = "stablehlo.reshape"(%v214) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
    %v235 = "stablehlo.reshape"(%v232) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
    %v236 = "stablehlo.reshape"(%v233) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
    %v237 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v238 = "stablehlo.pad"(%v234, %v237) {edge_padding_low = array<i64: 0, 0, 1536>, edge_padding_high = array<i64: 0, 0, 0>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
    %v239 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v240 = "stablehlo.pad"(%v235, %v239) {edge_padding_low = array<i64: 0, 0, 768>, edge_padding_high = array<i64: 0, 0, 768>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
    %v241 = "stablehlo.add"(%v238, %v240) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
    %v242 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v243 = "stablehlo.pad"(%v236, %v242) {edge_padding_low = array<i64: 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1536>, interior_padding = array<i64: 0, 0, 0>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197x2304xf32>
    %v244 = "stablehlo.add"(%v241, %v243) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
    %v245 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v249 = "stablehlo.reduce"(%v244, %v245) ({
      ^bb0(%v246: tensor<f32>, %v247: tensor<f32>):
        %v248 = "stablehlo.add"(%v246, %v247) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v248) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x2304xf32>, tensor<f32>) -> tensor<2304xf32>
    %v250 = "stablehlo.dot_general"(%v244, %arg3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x2304xf32>, tensor<2304x768xf32>) -> tensor<8x197x768xf32>
    %v251 = "stablehlo.dot_general"(%v244, %v31) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x197x2304xf32>, tensor<8x197x768xf32>) -> tensor<2304x768xf32>
    %v252 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v256 = "stablehlo.reduce"(%v250, %v252) ({
      ^bb0(%v253: tensor<f32>, %v254: tensor<f32>):
        %v255 = "stablehlo.add"(%v253, %v254) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v255) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v257 = "stablehlo.multiply"(%v250, %v28) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v258 = "stablehlo.multiply"(%v250, %v27) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v259 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v263 = "stablehlo.reduce"(%v258, %v259) ({
      ^bb0(%v260: tensor<f32>, %v261: tensor<f32>):
        %v262 = "stablehlo.add"(%v260, %v261) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v262) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v264 = "stablehlo.multiply"(%v257, %v26) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v265 = "stablehlo.multiply"(%v257, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v266 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v270 = "stablehlo.reduce"(%v265, %v266) ({
      ^bb0(%v267: tensor<f32>, %v268: tensor<f32>):
        %v269 = "stablehlo.add"(%v267, %v268) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v269) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v271 = "stablehlo.reshape"(%v270) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v272 = "stablehlo.multiply"(%v25, %v25) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v273 = "stablehlo.multiply"(%v272, %v25) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v274 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v275 = "stablehlo.broadcast_in_dim"(%v274) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v276 = "stablehlo.multiply"(%v273, %v275) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v277 = "stablehlo.multiply"(%v271, %v276) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v278 = "stablehlo.divide"(%v277, %v20) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v279 = "stablehlo.reshape"(%v278) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v280 = "stablehlo.broadcast_in_dim"(%v279) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v281 = "stablehlo.multiply"(%v280, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v282 = "stablehlo.multiply"(%v280, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v283 = "stablehlo.add"(%v264, %v281) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v284 = "stablehlo.add"(%v283, %v282) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v285 = "stablehlo.negate"(%v284) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v286 = "stablehlo.add"(%v202, %v284) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v287 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v291 = "stablehlo.reduce"(%v285, %v287) ({
      ^bb0(%v288: tensor<f32>, %v289: tensor<f32>):
        %v290 = "stablehlo.add"(%v288, %v289) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v290) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v292 = "stablehlo.reshape"(%v291) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v293 = "stablehlo.divide"(%v292, %v8) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v294 = "stablehlo.reshape"(%v293) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v295 = "stablehlo.broadcast_in_dim"(%v294) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v296 = "stablehlo.add"(%v286, %v295) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    "func.return"(%v125, %v296, %v263, %v256, %v251, %v249, %v209, %v207, %v169, %v162, %v157, %v155, %v138, %v136) : (tensor<f32>, tensor<8x197x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<2304x768xf32>, tensor<2304xf32>, tensor<768x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<3072x768xf32>, tensor<3072xf32>, tensor<768x3072xf32>, tensor<768xf32>) -> ()
  }
}
