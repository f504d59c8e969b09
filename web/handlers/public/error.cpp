#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"

namespace portald::web {

std::string_view error_heading(int status) {
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

std::string error_message(int status, std::string_view message) {
  if (!message.empty()) return std::string(message);
  switch (status) {
    case 413: return "Dữ liệu gửi lên vượt quá giới hạn cho phép.";
    case 414: return "Địa chỉ trang quá dài hoặc có quá nhiều tham số. Vui lòng kiểm tra lại đường dẫn.";
    default: return "Đã xảy ra lỗi. Vui lòng thử lại sau.";
  }
}

Response error_page(const Context& ctx, int status, std::string_view message) {
  ctemplate::TemplateDictionary dict("error");
  const std::string heading(error_heading(status));
  {
    const store::ReadTxn txn = ctx.store.read();
    fill_layout(dict, ctx, txn, heading);
  }
  dict.SetValue("HEADING", heading);
  dict.SetValue("MESSAGE", error_message(status, message));
  return render_page(ctx, "error", dict, status);
}

}  // namespace portald::web
