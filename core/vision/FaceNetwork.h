#pragma once
// dlib's face-recognition ResNet (dlib/examples/dnn_face_recognition_ex.cpp), the single place
// where its type is spelled. This is a dlib header: include it ONLY from .cpp files (the
// converter and FaceAnalyzer.cpp) — dlib's dnn headers cost tens of seconds per translation unit.

#include <dlib/dnn.h>

namespace pd::facenet {

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual = dlib::add_prev1<block<N, BN, 1, dlib::tag1<SUBNET>>>;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual_down =
    dlib::add_prev2<dlib::avg_pool<2, 2, 2, 2, dlib::skip1<dlib::tag2<block<N, BN, 2, dlib::tag1<SUBNET>>>>>>;

template <int N, template <typename> class BN, int stride, typename SUBNET>
using block = BN<dlib::con<N, 3, 3, 1, 1, dlib::relu<BN<dlib::con<N, 3, 3, stride, stride, SUBNET>>>>>;

// The network is written once, parameterised on the normalisation layer: `affine` for
// inference (what the model file holds), `bn_con` for filling weights (affine layers expose no
// writable parameters, bn_con does; assigning bn_con → affine folds the statistics in).
template <template <typename> class BN>
struct Net {
    template <int N, typename SUBNET> using ares = dlib::relu<residual<block, N, BN, SUBNET>>;
    template <int N, typename SUBNET> using ares_down = dlib::relu<residual_down<block, N, BN, SUBNET>>;

    template <typename SUBNET> using level0 = ares_down<256, SUBNET>;
    template <typename SUBNET> using level1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
    template <typename SUBNET> using level2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
    template <typename SUBNET> using level3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
    template <typename SUBNET> using level4 = ares<32, ares<32, ares<32, SUBNET>>>;

    using type = dlib::loss_metric<dlib::fc_no_bias<128, dlib::avg_pool_everything<
        level0<level1<level2<level3<level4<
        dlib::max_pool<3, 3, 2, 2, dlib::relu<BN<dlib::con<32, 7, 7, 2, 2,
        dlib::input_rgb_image_sized<150>>>>>>>>>>>>>;
};

using InferenceNet = Net<dlib::affine>::type; // what dlib_face_recognition_resnet_model_v1.dat holds
using FillableNet = Net<dlib::bn_con>::type;  // used only by the converter

constexpr int kChipSize = 150;        // input_rgb_image_sized<150>
constexpr double kChipPadding = 0.25; // as in dlib's example and the model's training
constexpr int kDescriptorSize = 128;
constexpr int kConvLayers = 29;
constexpr int kBatchNormLayers = 29;

} // namespace pd::facenet
