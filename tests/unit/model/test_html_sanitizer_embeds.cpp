#include <boost/test/unit_test.hpp>

#include <string>

#include "daemon/model/html_sanitizer.hpp"

using namespace portald::model;

namespace {

const EmbedPolicy kPolicy{.frame_origins = {"https://www.youtube-nocookie.com", "https://truyenhinh.tinh.gov.vn"}};
constexpr const char* kFrameTail =
    " sandbox=\"allow-scripts allow-same-origin allow-presentation\" referrerpolicy=\"strict-origin-when-cross-origin\""
    " loading=\"lazy\" allowfullscreen=\"\"></iframe>";
constexpr const char* kVideo = "/tep/12-0123456789abcdef0123456789abcdef/hop-bao.mp4";
constexpr const char* kVtt = "/tep/13-0123456789abcdef0123456789abcdef/phu-de.vtt";

std::string sanitize_twice_checked(const std::string& in, const EmbedPolicy& policy = kPolicy) {
  const std::string out = sanitize_html(in, policy);
  BOOST_TEST(sanitize_html(out, policy) == out);  // idempotent under the same policy
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_sanitizer_embeds)

BOOST_AUTO_TEST_CASE(an_iframe_on_an_allowed_origin_gets_the_fixed_sandbox_and_our_attributes) {
  const std::string out = sanitize_twice_checked(
      "<p>Trực tiếp:</p><iframe src=\"https://www.youtube-nocookie.com/embed/x?a=1&amp;b=2\" title=\"Kỳ họp\" "
      "width=\"560\" height=\"315\" sandbox=\"allow-top-navigation allow-forms\" allow=\"camera\" "
      "referrerpolicy=\"unsafe-url\" srcdoc=\"<b>x</b>\" onload=\"alert(1)\">fallback <script>x</script></iframe>");
  BOOST_TEST(out == std::string("<p>Trực tiếp:</p><iframe src=\"https://www.youtube-nocookie.com/embed/x?a=1&amp;b=2\""
                                " title=\"Kỳ họp\" width=\"560\" height=\"315\"") +
                        kFrameTail);
}

BOOST_AUTO_TEST_CASE(every_other_iframe_is_dropped_with_its_content) {
  for (const std::string bad :
       {"<iframe src=\"https://evil.example/\" title=\"x\">t</iframe>",
        "<iframe src=\"http://www.youtube-nocookie.com/embed/x\" title=\"x\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com@evil.example/\" title=\"x\"></iframe>",
        "<iframe src=\"//www.youtube-nocookie.com/embed/x\" title=\"x\"></iframe>",
        "<iframe src=\"javascript:alert(1)\" title=\"x\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\" title=\"x\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>",                // no title
        "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"  \"></iframe>"})  // blank title
    BOOST_TEST(sanitize_twice_checked(bad + "<p>x</p>") == "<p>x</p>", bad);
  // Without an allow-list (the default) no iframe passes at all.
  BOOST_TEST(sanitize_html("<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"x\"></iframe>") == "");
}

BOOST_AUTO_TEST_CASE(an_iframe_alone_in_a_paragraph_is_not_taken_for_an_empty_one) {
  const std::string in =
      "<p><iframe src=\"https://truyenhinh.tinh.gov.vn/kenh/1\" title=\"Kênh 1\"></iframe></p><p>&nbsp;</p>";
  BOOST_TEST(sanitize_twice_checked(in).starts_with("<p><iframe src=\"https://truyenhinh.tinh.gov.vn/kenh/1\""));
}

BOOST_AUTO_TEST_CASE(video_and_audio_of_the_media_library_play_with_controls_and_captions) {
  const std::string in = std::string("<video src=\"") + kVideo +
                         "\" autoplay onplay=\"x()\" poster=\"https://evil.example/p.png\" width=\"640\">"
                         "<track kind=\"captions\" src=\"" +
                         kVtt +
                         "\" srclang=\"vi\" label=\"Tiếng Việt\" default>Trình duyệt không phát được video.</video>";
  BOOST_TEST(sanitize_twice_checked(in) == std::string("<video src=\"") + kVideo +
                                               "\" width=\"640\" controls=\"\" preload=\"metadata\">"
                                               "<track kind=\"captions\" src=\"" +
                                               kVtt +
                                               "\" srclang=\"vi\" label=\"Tiếng Việt\">Trình duyệt không phát được "
                                               "video.</video>");
  BOOST_TEST(sanitize_twice_checked("<audio src=\"/tep/14-0123456789abcdef0123456789abcdef/bai.mp3\"></audio>") ==
             "<audio src=\"/tep/14-0123456789abcdef0123456789abcdef/bai.mp3\" controls=\"\" preload=\"metadata\">"
             "</audio>");
}

BOOST_AUTO_TEST_CASE(video_and_audio_from_elsewhere_are_dropped) {
  for (const std::string bad :
       {"<video src=\"https://cdn.example/v.mp4\">x</video>", "<video>x</video>",
        "<audio src=\"/tep/../quan-tri/nguoi-dung\"></audio>", "<audio src=\"/tep/%2e%2e/quan-tri\"></audio>",
        "<video src=\"/static/v.mp4\"></video>", "<video src=\"//evil.example/tep/v.mp4\"></video>",
        "<video src=\"javascript:alert(1)\"></video>"})
    BOOST_TEST(sanitize_twice_checked(bad + "<p>x</p>") == "<p>x</p>", bad);
}

BOOST_AUTO_TEST_CASE(a_track_passes_only_as_captions_or_subtitles_of_a_library_vtt_inside_a_player) {
  const auto in_video = [](const std::string& track) {
    return sanitize_twice_checked(std::string("<video src=\"") + kVideo + "\">" + track + "</video>");
  };
  const std::string bare = std::string("<video src=\"") + kVideo + "\" controls=\"\" preload=\"metadata\"></video>";
  BOOST_TEST(in_video(std::string("<track kind=\"metadata\" src=\"") + kVtt + "\" srclang=\"vi\">") == bare);
  BOOST_TEST(in_video(std::string("<track src=\"") + kVtt + "\" srclang=\"vi\">") == bare);     // kind required
  BOOST_TEST(in_video(std::string("<track kind=\"captions\" src=\"") + kVtt + "\">") == bare);  // srclang too
  BOOST_TEST(in_video("<track kind=\"captions\" src=\"https://evil.example/a.vtt\" srclang=\"vi\">") == bare);
  BOOST_TEST(in_video("<track kind=\"captions\" src=\"/tep/1-0123456789abcdef0123456789abcdef/a.mp4\" "
                      "srclang=\"vi\">") == bare);
  BOOST_TEST(in_video(std::string("<track kind=\"SUBTITLES\" src=\"") + kVtt + "\" srclang=\"en\">") ==
             std::string("<video src=\"") + kVideo +
                 "\" controls=\"\" preload=\"metadata\"><track kind=\"subtitles\" src=\"" + kVtt +
                 "\" srclang=\"en\"></video>");
  // Outside a player a track means nothing.
  BOOST_TEST(sanitize_twice_checked(std::string("<p><track kind=\"captions\" src=\"") + kVtt +
                                    "\" srclang=\"vi\">x</p>") == "<p>x</p>");
}

BOOST_AUTO_TEST_CASE(source_elements_stay_dropped) {
  BOOST_TEST(sanitize_twice_checked(std::string("<video src=\"") + kVideo +
                                    "\"><source src=\"https://evil.example/v.mp4\"></video>") ==
             std::string("<video src=\"") + kVideo + "\" controls=\"\" preload=\"metadata\"></video>");
}

BOOST_AUTO_TEST_SUITE_END()
