#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"

namespace portald::web {
namespace {

std::string_view heading_for(int status) {
  switch (status) {
    case 400: return "Yêu cầu không hợp lệ";
    case 403: return "Không có quyền truy cập";
    case 404: return "Không tìm thấy trang";
    case 405: return "Phương thức không được hỗ trợ";
    case 410: return "Bài viết đã được gỡ";
    case 413: return "Dữ liệu gửi lên quá lớn";
    case 414: return "Địa chỉ trang quá dài";
    case 429: return "Thao tác quá nhiều lần";
    case 503: return "Hệ thống tạm thời gián đoạn";
    default: return status >= 500 ? "Lỗi hệ thống" : "Không thể xử lý yêu cầu";
  }
}

// What the page says when the server chose the status itself (HttpError messages say their own).
std::string default_message(int status) {
  switch (status) {
    case 413: return "Dữ liệu gửi lên vượt quá giới hạn cho phép.";
    case 414: return "Địa chỉ trang quá dài hoặc có quá nhiều tham số. Vui lòng kiểm tra lại đường dẫn.";
    default: return "Đã xảy ra lỗi. Vui lòng thử lại sau.";
  }
}

}  // namespace

Response error_page(const Context& ctx, int status, std::string_view message) {
  ctemplate::TemplateDictionary dict("error");
  const std::string heading(heading_for(status));
  {
    const store::ReadTxn txn = ctx.store.read();
    fill_layout(dict, ctx, txn, heading);
  }
  dict.SetValue("HEADING", heading);
  dict.SetValue("MESSAGE", message.empty() ? default_message(status) : std::string(message));
  return render_page(ctx, "error", dict, status);
}

}  // namespace portald::web
