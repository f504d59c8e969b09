#pragma once
// Everything that names the province and its portal comes from here, never from code.
#include <string>

namespace portald::model {

struct SiteSettings {
  std::string portal_name = "Cổng thông tin điện tử";
  std::string governing_agency;    // cơ quan chủ quản
  std::string responsible_person;  // người chịu trách nhiệm
  std::string licence;             // giấy phép
  std::string address;
  std::string phone;
  std::string email;
  std::string source_notice = "Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.";
};

}  // namespace portald::model
