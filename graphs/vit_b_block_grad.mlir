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
    %v32 = "stablehlo.dot_general"(%v31, %arg3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<2304x768xf32>) -> tensor<8x197x2304xf32>
    %v33 = "stablehlo.broadcast_in_dim"(%arg4) {broadcast_dimensions = array<i64: 2>} : (tensor<2304xf32>) -> tensor<8x197x2304xf32>
    %v34 = "stablehlo.add"(%v32, %v33) : (tensor<8x197x2304xf32>, tensor<8x197x2304xf32>) -> tensor<8x197x2304xf32>
    %v35 = "stablehlo.reshape"(%v34) : (tensor<8x197x2304xf32>) -> tensor<8x197x3x12x64xf32>
    %v36 = "stablehlo.transpose"(%v35) {permutation = array<i64: 2, 0, 3, 1, 4>} : (tensor<8x197x3x12x64xf32>) -> tensor<3x8x12x197x64xf32>
    %v37 = "stablehlo.slice"(%v36) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 1, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v38 = "stablehlo.reshape"(%v37) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v39 = "stablehlo.slice"(%v36) {start_indices = array<i64: 1, 0, 0, 0, 0>, limit_indices = array<i64: 2, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v40 = "stablehlo.reshape"(%v39) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v41 = "stablehlo.slice"(%v36) {start_indices = array<i64: 2, 0, 0, 0, 0>, limit_indices = array<i64: 3, 8, 12, 197, 64>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<3x8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v42 = "stablehlo.reshape"(%v41) : (tensor<1x8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v43 = "stablehlo.constant"() {value = dense<0x3E000000> : tensor<f32>} : () -> tensor<f32>
    %v44 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x12x197x64xf32>
    %v45 = "stablehlo.multiply"(%v38, %v44) : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v46 = "stablehlo.transpose"(%v40) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x197x64xf32>) -> tensor<8x12x64x197xf32>
    %v47 = "stablehlo.dot_general"(%v45, %v46) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x64x197xf32>) -> tensor<8x12x197x197xf32>
    %v48 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v52 = "stablehlo.reduce"(%v47, %v48) ({
      ^bb0(%v49: tensor<f32>, %v50: tensor<f32>):
        %v51 = "stablehlo.maximum"(%v49, %v50) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v51) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v53 = "stablehlo.reshape"(%v52) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v54 = "stablehlo.broadcast_in_dim"(%v53) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
    %v55 = "stablehlo.subtract"(%v47, %v54) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v56 = "stablehlo.exponential"(%v55) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v57 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v61 = "stablehlo.reduce"(%v56, %v57) ({
      ^bb0(%v58: tensor<f32>, %v59: tensor<f32>):
        %v60 = "stablehlo.add"(%v58, %v59) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v60) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v62 = "stablehlo.reshape"(%v61) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v63 = "stablehlo.broadcast_in_dim"(%v62) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x12x197x1xf32>) -> tensor<8x12x197x197xf32>
    %v64 = "stablehlo.divide"(%v56, %v63) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v65 = "stablehlo.dot_general"(%v64, %v42) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x197xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v66 = "stablehlo.transpose"(%v65) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x12x197x64xf32>) -> tensor<8x197x12x64xf32>
    %v67 = "stablehlo.reshape"(%v66) : (tensor<8x197x12x64xf32>) -> tensor<8x197x768xf32>
    %v68 = "stablehlo.dot_general"(%v67, %arg5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
    %v69 = "stablehlo.broadcast_in_dim"(%arg6) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v70 = "stablehlo.add"(%v68, %v69) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v71 = "stablehlo.add"(%arg0, %v70) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v72 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v76 = "stablehlo.reduce"(%v71, %v72) ({
      ^bb0(%v73: tensor<f32>, %v74: tensor<f32>):
        %v75 = "stablehlo.add"(%v73, %v74) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v75) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v77 = "stablehlo.reshape"(%v76) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v78 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v79 = "stablehlo.broadcast_in_dim"(%v78) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v80 = "stablehlo.divide"(%v77, %v79) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v82 = "stablehlo.subtract"(%v71, %v81) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v83 = "stablehlo.multiply"(%v82, %v82) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v84 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v88 = "stablehlo.reduce"(%v83, %v84) ({
      ^bb0(%v85: tensor<f32>, %v86: tensor<f32>):
        %v87 = "stablehlo.add"(%v85, %v86) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v87) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v89 = "stablehlo.reshape"(%v88) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v90 = "stablehlo.constant"() {value = dense<0x44400000> : tensor<f32>} : () -> tensor<f32>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v92 = "stablehlo.divide"(%v89, %v91) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v93 = "stablehlo.constant"() {value = dense<0x358637BD> : tensor<f32>} : () -> tensor<f32>
    %v94 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v95 = "stablehlo.add"(%v92, %v94) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v96 = "stablehlo.rsqrt"(%v95) : (tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v97 = "stablehlo.broadcast_in_dim"(%v96) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x1xf32>) -> tensor<8x197x768xf32>
    %v98 = "stablehlo.multiply"(%v82, %v97) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v99 = "stablehlo.broadcast_in_dim"(%arg7) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v100 = "stablehlo.multiply"(%v98, %v99) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v101 = "stablehlo.broadcast_in_dim"(%arg8) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v102 = "stablehlo.add"(%v100, %v101) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v103 = "stablehlo.dot_general"(%v102, %arg9) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x768xf32>, tensor<3072x768xf32>) -> tensor<8x197x3072xf32>
    %v104 = "stablehlo.broadcast_in_dim"(%arg10) {broadcast_dimensions = array<i64: 2>} : (tensor<3072xf32>) -> tensor<8x197x3072xf32>
    %v105 = "stablehlo.add"(%v103, %v104) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v106 = "stablehlo.constant"() {value = dense<0x3F3504F3> : tensor<f32>} : () -> tensor<f32>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v108 = "stablehlo.multiply"(%v105, %v107) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v109 = "chlo.erf"(%v108) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v110 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v111 = "stablehlo.broadcast_in_dim"(%v110) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v112 = "stablehlo.multiply"(%v105, %v111) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v113 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v114 = "stablehlo.broadcast_in_dim"(%v113) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v115 = "stablehlo.add"(%v109, %v114) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v116 = "stablehlo.multiply"(%v112, %v115) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v117 = "stablehlo.dot_general"(%v116, %arg11) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x197x3072xf32>, tensor<768x3072xf32>) -> tensor<8x197x768xf32>
    %v118 = "stablehlo.broadcast_in_dim"(%arg12) {broadcast_dimensions = array<i64: 2>} : (tensor<768xf32>) -> tensor<8x197x768xf32>
    %v119 = "stablehlo.add"(%v117, %v118) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v120 = "stablehlo.add"(%v71, %v119) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v121 = "stablehlo.multiply"(%v120, %v120) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v122 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v126 = "stablehlo.reduce"(%v121, %v122) ({
      ^bb0(%v123: tensor<f32>, %v124: tensor<f32>):
        %v125 = "stablehlo.add"(%v123, %v124) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v125) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<f32>
    %v127 = "stablehlo.constant"() {value = dense<0x4993C000> : tensor<f32>} : () -> tensor<f32>
    %v128 = "stablehlo.divide"(%v126, %v127) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v129 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v130 = "stablehlo.divide"(%v129, %v127) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v131 = "stablehlo.broadcast_in_dim"(%v130) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x768xf32>
    %v132 = "stablehlo.multiply"(%v131, %v120) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v133 = "stablehlo.multiply"(%v131, %v120) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v134 = "stablehlo.add"(%v132, %v133) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v135 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v139 = "stablehlo.reduce"(%v134, %v135) ({
      ^bb0(%v136: tensor<f32>, %v137: tensor<f32>):
        %v138 = "stablehlo.add"(%v136, %v137) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v138) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v140 = "stablehlo.dot_general"(%v134, %arg11) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x3072xf32>) -> tensor<8x197x3072xf32>
    %v141 = "stablehlo.dot_general"(%v134, %v116) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x3072xf32>) -> tensor<768x3072xf32>
    %v142 = "stablehlo.multiply"(%v140, %v115) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v143 = "stablehlo.multiply"(%v140, %v112) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v144 = "stablehlo.multiply"(%v142, %v111) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v145 = "stablehlo.multiply"(%v108, %v108) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v146 = "stablehlo.negate"(%v145) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v147 = "stablehlo.exponential"(%v146) : (tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v148 = "stablehlo.constant"() {value = dense<0x3F906EBB> : tensor<f32>} : () -> tensor<f32>
    %v149 = "stablehlo.broadcast_in_dim"(%v148) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x3072xf32>
    %v150 = "stablehlo.multiply"(%v147, %v149) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v151 = "stablehlo.multiply"(%v143, %v150) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v152 = "stablehlo.multiply"(%v151, %v107) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v153 = "stablehlo.add"(%v144, %v152) : (tensor<8x197x3072xf32>, tensor<8x197x3072xf32>) -> tensor<8x197x3072xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v158 = "stablehlo.reduce"(%v153, %v154) ({
      ^bb0(%v155: tensor<f32>, %v156: tensor<f32>):
        %v157 = "stablehlo.add"(%v155, %v156) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v157) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x3072xf32>, tensor<f32>) -> tensor<3072xf32>
    %v159 = "stablehlo.dot_general"(%v153, %arg9) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x3072xf32>, tensor<3072x768xf32>) -> tensor<8x197x768xf32>
    %v160 = "stablehlo.dot_general"(%v153, %v102) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x3072xf32>, tensor<8x197x768xf32>) -> tensor<3072x768xf32>
    %v161 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v165 = "stablehlo.reduce"(%v159, %v161) ({
      ^bb0(%v162: tensor<f32>, %v163: tensor<f32>):
        %v164 = "stablehlo.add"(%v162, %v163) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v164) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v166 = "stablehlo.multiply"(%v159, %v99) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v167 = "stablehlo.multiply"(%v159, %v98) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v168 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v172 = "stablehlo.reduce"(%v167, %v168) ({
      ^bb0(%v169: tensor<f32>, %v170: tensor<f32>):
        %v171 = "stablehlo.add"(%v169, %v170) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v171) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v173 = "stablehlo.multiply"(%v166, %v97) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v174 = "stablehlo.multiply"(%v166, %v82) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v175 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v179 = "stablehlo.reduce"(%v174, %v175) ({
      ^bb0(%v176: tensor<f32>, %v177: tensor<f32>):
        %v178 = "stablehlo.add"(%v176, %v177) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v178) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v180 = "stablehlo.reshape"(%v179) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v181 = "stablehlo.multiply"(%v96, %v96) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v182 = "stablehlo.multiply"(%v181, %v96) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v183 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v184 = "stablehlo.broadcast_in_dim"(%v183) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v185 = "stablehlo.multiply"(%v182, %v184) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v186 = "stablehlo.multiply"(%v180, %v185) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v187 = "stablehlo.divide"(%v186, %v91) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v188 = "stablehlo.reshape"(%v187) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v189 = "stablehlo.broadcast_in_dim"(%v188) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v190 = "stablehlo.multiply"(%v189, %v82) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v191 = "stablehlo.multiply"(%v189, %v82) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v192 = "stablehlo.add"(%v173, %v190) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v193 = "stablehlo.add"(%v192, %v191) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v194 = "stablehlo.negate"(%v193) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v195 = "stablehlo.add"(%v134, %v193) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v196 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v200 = "stablehlo.reduce"(%v194, %v196) ({
      ^bb0(%v197: tensor<f32>, %v198: tensor<f32>):
        %v199 = "stablehlo.add"(%v197, %v198) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v199) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v201 = "stablehlo.reshape"(%v200) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v202 = "stablehlo.divide"(%v201, %v79) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v203 = "stablehlo.reshape"(%v202) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v204 = "stablehlo.broadcast_in_dim"(%v203) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v205 = "stablehlo.add"(%v195, %v204) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v206 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v210 = "stablehlo.reduce"(%v205, %v206) ({
      ^bb0(%v207: tensor<f32>, %v208: tensor<f32>):
        %v209 = "stablehlo.add"(%v207, %v208) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v209) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v211 = "stablehlo.dot_general"(%v205, %arg5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x768xf32>, tensor<768x768xf32>) -> tensor<8x197x768xf32>
    %v212 = "stablehlo.dot_general"(%v205, %v67) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<768x768xf32>
    %v213 = "stablehlo.reshape"(%v211) : (tensor<8x197x768xf32>) -> tensor<8x197x12x64xf32>
    %v214 = "stablehlo.transpose"(%v213) {permutation = array<i64: 0, 2, 1, 3>} : (tensor<8x197x12x64xf32>) -> tensor<8x12x197x64xf32>
    %v215 = "stablehlo.dot_general"(%v214, %v42) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x197xf32>
    %v216 = "stablehlo.dot_general"(%v214, %v64) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x64xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x64x197xf32>
    %v217 = "stablehlo.transpose"(%v216) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
    %v218 = "stablehlo.divide"(%v215, %v63) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v219 = "stablehlo.multiply"(%v215, %v64) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v220 = "stablehlo.divide"(%v219, %v63) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v221 = "stablehlo.negate"(%v220) : (tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v222 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v226 = "stablehlo.reduce"(%v221, %v222) ({
      ^bb0(%v223: tensor<f32>, %v224: tensor<f32>):
        %v225 = "stablehlo.add"(%v223, %v224) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v225) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 3>} : (tensor<8x12x197x197xf32>, tensor<f32>) -> tensor<8x12x197xf32>
    %v227 = "stablehlo.reshape"(%v226) : (tensor<8x12x197xf32>) -> tensor<8x12x197x1xf32>
    %v228 = "stablehlo.reshape"(%v227) : (tensor<8x12x197x1xf32>) -> tensor<8x12x197xf32>
    %v229 = "stablehlo.broadcast_in_dim"(%v228) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<8x12x197xf32>) -> tensor<8x12x197x197xf32>
    %v230 = "stablehlo.add"(%v218, %v229) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v231 = "stablehlo.multiply"(%v230, %v56) : (tensor<8x12x197x197xf32>, tensor<8x12x197x197xf32>) -> tensor<8x12x197x197xf32>
    %v232 = "stablehlo.dot_general"(%v231, %v46) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<8x12x197x197xf32>, tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
    %v233 = "stablehlo.dot_general"(%v231, %v45) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<8x12x197x197xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v234 = "stablehlo.transpose"(%v233) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x197x64xf32>) -> tensor<8x12x64x197xf32>
    %v235 = "stablehlo.transpose"(%v234) {permutation = array<i64: 0, 1, 3, 2>} : (tensor<8x12x64x197xf32>) -> tensor<8x12x197x64xf32>
    %v236 = "stablehlo.multiply"(%v232, %v44) : (tensor<8x12x197x64xf32>, tensor<8x12x197x64xf32>) -> tensor<8x12x197x64xf32>
    %v237 = "stablehlo.reshape"(%v217) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v238 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v239 = "stablehlo.pad"(%v237, %v238) {edge_padding_low = array<i64: 2, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
    %v240 = "stablehlo.reshape"(%v235) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v241 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v242 = "stablehlo.pad"(%v240, %v241) {edge_padding_low = array<i64: 1, 0, 0, 0, 0>, edge_padding_high = array<i64: 1, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
    %v243 = "stablehlo.add"(%v239, %v242) : (tensor<3x8x12x197x64xf32>, tensor<3x8x12x197x64xf32>) -> tensor<3x8x12x197x64xf32>
    %v244 = "stablehlo.reshape"(%v236) : (tensor<8x12x197x64xf32>) -> tensor<1x8x12x197x64xf32>
    %v245 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v246 = "stablehlo.pad"(%v244, %v245) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 2, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<1x8x12x197x64xf32>, tensor<f32>) -> tensor<3x8x12x197x64xf32>
    %v247 = "stablehlo.add"(%v243, %v246) : (tensor<3x8x12x197x64xf32>, tensor<3x8x12x197x64xf32>) -> tensor<3x8x12x197x64xf32>
    %v248 = "stablehlo.transpose"(%v247) {permutation = array<i64: 1, 3, 0, 2, 4>} : (tensor<3x8x12x197x64xf32>) -> tensor<8x197x3x12x64xf32>
    %v249 = "stablehlo.reshape"(%v248) : (tensor<8x197x3x12x64xf32>) -> tensor<8x197x2304xf32>
    %v250 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v254 = "stablehlo.reduce"(%v249, %v250) ({
      ^bb0(%v251: tensor<f32>, %v252: tensor<f32>):
        %v253 = "stablehlo.add"(%v251, %v252) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v253) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x2304xf32>, tensor<f32>) -> tensor<2304xf32>
    %v255 = "stablehlo.dot_general"(%v249, %arg3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x197x2304xf32>, tensor<2304x768xf32>) -> tensor<8x197x768xf32>
    %v256 = "stablehlo.dot_general"(%v249, %v31) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>} : (tensor<8x197x2304xf32>, tensor<8x197x768xf32>) -> tensor<2304x768xf32>
    %v257 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v261 = "stablehlo.reduce"(%v255, %v257) ({
      ^bb0(%v258: tensor<f32>, %v259: tensor<f32>):
        %v260 = "stablehlo.add"(%v258, %v259) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v260) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v262 = "stablehlo.multiply"(%v255, %v28) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v263 = "stablehlo.multiply"(%v255, %v27) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v264 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v268 = "stablehlo.reduce"(%v263, %v264) ({
      ^bb0(%v265: tensor<f32>, %v266: tensor<f32>):
        %v267 = "stablehlo.add"(%v265, %v266) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v267) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<768xf32>
    %v269 = "stablehlo.multiply"(%v262, %v26) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v270 = "stablehlo.multiply"(%v262, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v271 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v275 = "stablehlo.reduce"(%v270, %v271) ({
      ^bb0(%v272: tensor<f32>, %v273: tensor<f32>):
        %v274 = "stablehlo.add"(%v272, %v273) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v274) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v276 = "stablehlo.reshape"(%v275) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v277 = "stablehlo.multiply"(%v25, %v25) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v278 = "stablehlo.multiply"(%v277, %v25) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v279 = "stablehlo.constant"() {value = dense<0xBF000000> : tensor<f32>} : () -> tensor<f32>
    %v280 = "stablehlo.broadcast_in_dim"(%v279) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x197x1xf32>
    %v281 = "stablehlo.multiply"(%v278, %v280) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v282 = "stablehlo.multiply"(%v276, %v281) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v283 = "stablehlo.divide"(%v282, %v20) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v284 = "stablehlo.reshape"(%v283) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v285 = "stablehlo.broadcast_in_dim"(%v284) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v286 = "stablehlo.multiply"(%v285, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v287 = "stablehlo.multiply"(%v285, %v11) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v288 = "stablehlo.add"(%v269, %v286) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v289 = "stablehlo.add"(%v288, %v287) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v290 = "stablehlo.negate"(%v289) : (tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v291 = "stablehlo.add"(%v205, %v289) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    %v292 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v296 = "stablehlo.reduce"(%v290, %v292) ({
      ^bb0(%v293: tensor<f32>, %v294: tensor<f32>):
        %v295 = "stablehlo.add"(%v293, %v294) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%v295) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<8x197x768xf32>, tensor<f32>) -> tensor<8x197xf32>
    %v297 = "stablehlo.reshape"(%v296) : (tensor<8x197xf32>) -> tensor<8x197x1xf32>
    %v298 = "stablehlo.divide"(%v297, %v8) : (tensor<8x197x1xf32>, tensor<8x197x1xf32>) -> tensor<8x197x1xf32>
    %v299 = "stablehlo.reshape"(%v298) : (tensor<8x197x1xf32>) -> tensor<8x197xf32>
    %v300 = "stablehlo.broadcast_in_dim"(%v299) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x197xf32>) -> tensor<8x197x768xf32>
    %v301 = "stablehlo.add"(%v291, %v300) : (tensor<8x197x768xf32>, tensor<8x197x768xf32>) -> tensor<8x197x768xf32>
    "func.return"(%v128, %v301, %v268, %v261, %v256, %v254, %v212, %v210, %v172, %v165, %v160, %v158, %v141, %v139) : (tensor<f32>, tensor<8x197x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<2304x768xf32>, tensor<2304xf32>, tensor<768x768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<768xf32>, tensor<3072x768xf32>, tensor<3072xf32>, tensor<768x3072xf32>, tensor<768xf32>) -> ()
  }
}
