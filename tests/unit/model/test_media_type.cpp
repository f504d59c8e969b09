#include <boost/test/unit_test.hpp>

#include <string>

#include "daemon/model/media_type.hpp"

using namespace portald::model;
using namespace std::string_literals;

namespace {

std::string padded(std::string head, std::size_t size = 64) {
  head.resize(std::max(size, head.size()), '\0');
  return head;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_type)

BOOST_AUTO_TEST_CASE(video_is_recognised_from_its_bytes) {
  BOOST_TEST(sniff_media_type(padded("\0\0\0\x20"s + "ftypisom"), "hop.bin").value() == "video/mp4");
  BOOST_TEST(sniff_media_type(padded("\0\0\0\x1c"s + "ftypmp42"), "a.mp4").value() == "video/mp4");
  BOOST_TEST(sniff_media_type(padded("\0\0\0\x1c"s + "ftypM4A "), "a.m4a").value() == "audio/mp4");
  BOOST_TEST(sniff_media_type(padded("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm"s), "a.webm").value() ==
             "video/webm");
  // Matroska that is not WebM, and QuickTime, are not what every browser plays.
  BOOST_TEST(!sniff_media_type(padded("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska"s), "a.mkv"));
  BOOST_TEST(!sniff_media_type(padded("\0\0\0\x14"s + "ftypqt  "), "a.mov"));
}

BOOST_AUTO_TEST_CASE(audio_is_recognised_from_its_bytes) {
  BOOST_TEST(sniff_media_type(padded("ID3\x04\0\0\0\0\0\0"s), "bai.mp3").value() == "audio/mpeg");
  BOOST_TEST(sniff_media_type(padded("\xff\xfb\x90\x64"s), "bai.mp3").value() == "audio/mpeg");
  BOOST_TEST(sniff_media_type(padded("OggS"s + std::string(24, '\0') + "OpusHead"), "a.opus").value() == "audio/ogg");
  BOOST_TEST(sniff_media_type(padded("OggS"s + std::string(24, '\0') + "\x01vorbis"), "a.ogg").value() == "audio/ogg");
  BOOST_TEST(!sniff_media_type(padded("OggS"s + std::string(24, '\0') + "\x80theora"), "a.ogv"));
}

BOOST_AUTO_TEST_CASE(captions_must_be_a_vtt_file_starting_with_webvtt) {
  BOOST_TEST(sniff_media_type("WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào", "phu-de.vtt").value() == "text/vtt");
  BOOST_TEST(sniff_media_type("\xEF\xBB\xBFWEBVTT - Kỳ họp\n", "phu-de.VTT").value() == "text/vtt");
  BOOST_TEST(sniff_media_type("WEBVTT", "a.vtt").value() == "text/vtt");
  BOOST_TEST(!sniff_media_type("WEBVTT\n\nx", "phu-de.txt"));           // the name must say .vtt
  BOOST_TEST(!sniff_media_type("WEBVTTX\n", "a.vtt"));                  // not the signature
  BOOST_TEST(!sniff_media_type("<script>alert(1)</script>", "a.vtt"));  // not WebVTT at all
}

BOOST_AUTO_TEST_CASE(video_and_audio_have_their_own_larger_limit) {
  BOOST_TEST(max_media_bytes("video/mp4") == kMaxStreamMediaBytes);
  BOOST_TEST(max_media_bytes("audio/mpeg") == kMaxStreamMediaBytes);
  BOOST_TEST(max_media_bytes("image/png") == kMaxMediaBytes);
  BOOST_TEST(max_media_bytes("text/vtt") == kMaxMediaBytes);
  BOOST_TEST(kMaxStreamMediaBytes > kMaxMediaBytes);
  BOOST_TEST(is_stream_type("video/webm"));
  BOOST_TEST(is_stream_type("text/vtt"));
  BOOST_TEST(!is_stream_type("application/pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
