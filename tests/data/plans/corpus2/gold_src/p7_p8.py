from common import Plan

# ------------------------------------------------------------------ P7 Tây Ninh, Sở NN&MT
p7 = Plan("tn_snnmt_2026", "docx", "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", "119/KH-SNNMT")
P = p7
P.S("A", "Kiểm soát quy định thủ tục hành chính")
P.T("01", "Đánh giá tác động của thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do Sở chủ trì soạn thảo.",
    "Bản đánh giá tác động", ["Các phòng, đơn vị được giao chủ trì soạn thảo"], ["Văn phòng Sở"], "Khi xây dựng dự thảo văn bản")
P.T("02", "Tham mưu công bố danh mục thủ tục hành chính lĩnh vực nông nghiệp, đất đai, môi trường, tài nguyên nước sau hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", ["Văn phòng Sở"], ["Phòng Quản lý đất đai", "Chi cục Trồng trọt và Bảo vệ thực vật"], "Quý I")
P.T("03", "Xây dựng quy trình nội bộ, quy trình điện tử đối với thủ tục hành chính được công bố.",
    "Quyết định phê duyệt quy trình", ["Văn phòng Sở"], ["Sở TT&TT", "Trung tâm Phục vụ hành chính công tỉnh"], "Sau khi có Quyết định công bố")
P.S("B", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T("04", "Rà soát, đánh giá thủ tục hành chính lĩnh vực đất đai, ưu tiên nhóm thủ tục đăng ký biến động, cấp giấy chứng nhận lần đầu.",
    "Báo cáo rà soát; phương án đơn giản hóa", ["Phòng Quản lý đất đai"], ["Văn phòng Đăng ký đất đai"], "Quý II/2026",
    dit="trước ngày 20/6/2026", notes="Gửi Văn phòng Sở tổng hợp trước ngày 20/6/2026")
P.T("05a", "Thống kê, rà soát thủ tục hành chính nội bộ của Sở.",
    "a) Danh mục thủ tục hành chính nội bộ trình công bố;", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Quý I/2026")
P.T("05b", "Thống kê, rà soát thủ tục hành chính nội bộ của Sở.",
    "b) Phương án đơn giản hóa thủ tục hành chính nội bộ.", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Quý III/2026", inf=["content"])
P.T("06", "Rà soát quy định, thủ tục hành chính lĩnh vực thủy lợi, phòng chống thiên tai (chức năng Chi cục Thủy lợi tỉnh Long An cũ).",
    "Báo cáo rà soát", ["Chi cục Thủy lợi"], ["Văn phòng Sở"], "Quý III")
P.S("C", "Thực hiện cơ chế một cửa, một cửa liên thông, thủ tục hành chính trên môi trường điện tử")
P.T("07", "Cử công chức, viên chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh và các chi nhánh; bảo đảm đủ năng lực, trách nhiệm.",
    "Quyết định cử công chức", ["Văn phòng Sở"], ["Trung tâm Phục vụ hành chính công tỉnh"], "Tháng 01/2026")
P.T("08", "Giải quyết hồ sơ thủ tục hành chính đúng hạn; thực hiện nghiêm việc xin lỗi khi trễ hạn.",
    "Tỷ lệ hồ sơ đúng hạn", ["Các phòng, đơn vị thuộc Sở"], [], "Thường xuyên")
P.T("09", "Số hóa hồ sơ đất đai, kết quả giải quyết thủ tục hành chính; kết nối Cơ sở dữ liệu đất đai với Cơ sở dữ liệu quốc gia về dân cư.",
    "Dữ liệu được số hóa, kết nối", ["Văn phòng Đăng ký đất đai"], ["Công an tỉnh", "Sở KH&CN"], "Trong năm 2026")
P.T("10", "Cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực môi trường, tài nguyên nước, khoáng sản.",
    "Danh mục DVCTT toàn trình", ["Chi cục Bảo vệ môi trường"], ["Sở TT&TT"], "Quý II, Quý III")
P.T("11a", "Triển khai liên thông thủ tục hành chính đất đai với cơ quan thuế.",
    "a) Quy chế phối hợp với Thuế tỉnh;", ["Văn phòng Đăng ký đất đai"], ["Thuế tỉnh"], "Tháng 4/2026")
P.T("11b", "Triển khai liên thông thủ tục hành chính đất đai với cơ quan thuế.",
    "b) Kết nối, chia sẻ dữ liệu điện tử giữa hai hệ thống.", ["Văn phòng Đăng ký đất đai"], ["Thuế tỉnh"], "Quý IV", inf=["content"])
P.S("D", "Phản ánh, kiến nghị; kiểm tra; truyền thông; báo cáo")
P.T("12", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với quy định hành chính thuộc phạm vi quản lý.",
    "Phản ánh, kiến nghị được xử lý", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Thường xuyên")
P.T("13", "Kiểm tra việc giải quyết thủ tục hành chính tại các chi nhánh Văn phòng Đăng ký đất đai.",
    "Báo cáo kết quả kiểm tra", ["Thanh tra Sở"], ["Văn phòng Sở"], "Quý III")
P.T("14", "Tuyên truyền về thủ tục hành chính, dịch vụ công trực tuyến lĩnh vực đất đai, môi trường.",
    "Tin bài trên Trang thông tin điện tử Sở", ["Văn phòng Sở"], [], "Hàng quý")
P.T("15", "Báo cáo kết quả kiểm soát thủ tục hành chính quý gửi UBND tỉnh (qua Văn phòng UBND tỉnh).",
    "Báo cáo quý", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Quý I, II, III và năm",
    dit="chậm nhất ngày 19 của tháng cuối quý", notes="Các phòng, đơn vị gửi số liệu chậm nhất ngày 19 của tháng cuối quý")
P.T("16", "Báo cáo tình hình thực hiện thủ tục hành chính, số hóa hồ sơ tháng.",
    "Báo cáo tháng", ["Văn phòng Sở"], [], "Trước ngày 20 hàng tháng")

# ------------------------------------------------------------------ P8 Vĩnh Long, UBND tỉnh (xlsx)
p8 = Plan("vl_ubnd_2026", "xlsx", "Ủy ban nhân dân tỉnh Vĩnh Long", "33/KH-UBND")
P = p8
P.S("I", "Kiểm soát quy định thủ tục hành chính")
P.T(1, "Cho ý kiến, thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh.",
    "Văn bản góp ý, báo cáo thẩm định", ["VP UBND tỉnh", "STP"], ["Các sở, ban, ngành"], "Thường xuyên")
P.T(2, "Đánh giá tác động thủ tục hành chính; tính chi phí tuân thủ trong dự thảo văn bản.",
    "Bản đánh giá tác động", ["Các sở, ban, ngành"], ["VP UBND tỉnh"], "Thường xuyên")
P.S("II", "Công bố, công khai thủ tục hành chính")
P.T(3, "Trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính, quy trình nội bộ sau khi thống nhất danh mục của ba tỉnh Vĩnh Long, Bến Tre, Trà Vinh (cũ).",
    "Quyết định công bố", ["Các sở, ban, ngành"], ["VP UBND tỉnh"], "Quý I/2026")
P.T(4, "Công khai thủ tục hành chính trên Cổng dịch vụ công quốc gia, Hệ thống thông tin giải quyết TTHC tỉnh và tại nơi tiếp nhận hồ sơ.",
    "TTHC được công khai", ["VP UBND tỉnh"], ["Trung tâm PVHCC tỉnh", "UBND cấp xã"], "Thường xuyên")
P.S("III", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(5, "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026 của UBND tỉnh.",
    "Báo cáo rà soát", ["Các sở, ban, ngành", "UBND cấp xã"], ["VP UBND tỉnh"], "Quý III/2026")
P.T(6, "Rà soát thủ tục hành chính lĩnh vực đầu tư tại Việt Nam, đăng ký doanh nghiệp.",
    "Phương án đơn giản hóa", ["Sở Kế hoạch và Đầu tư"], ["VP UBND tỉnh"], "Quý II/2026")
P.T(7, "Rà soát thủ tục hành chính lĩnh vực lao động, người có công, bảo trợ xã hội.",
    "Phương án đơn giản hóa", ["Sở LĐTBXH"], ["Sở Y tế"], "Quý II/2026")
P.T(8, "Tổng hợp phương án đơn giản hóa trình Chủ tịch UBND tỉnh phê duyệt; gửi Văn phòng Chính phủ trước ngày 15/10/2026.",
    "Quyết định phê duyệt phương án", ["VP UBND tỉnh"], ["STP"], None, dit="trước ngày 15/10/2026")
P.S("IV", "Một cửa, một cửa liên thông; thủ tục hành chính trên môi trường điện tử")
P.T(9, "Kiện toàn tổ chức, hoạt động Trung tâm Phục vụ hành chính công tỉnh và các chi nhánh tại Bến Tre, Trà Vinh.",
    "Quyết định kiện toàn", ["Trung tâm PVHCC tỉnh"], ["Sở Nội vụ"], "Tháng 3/2026")
P.T(10, "Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình; tích hợp Cổng dịch vụ công quốc gia.",
    "DVCTT toàn trình được cung cấp", ["Sở TT&TT"], ["Các sở, ban, ngành"], "Quý II/2026")
P.T(11, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; cấp bản sao điện tử kết quả.",
    "Tỷ lệ số hóa 100%", ["Các sở, ban, ngành", "UBND cấp xã"], ["Trung tâm PVHCC tỉnh"], "Thường xuyên")
P.T(12, "Thực hiện thanh toán trực tuyến phí, lệ phí và nghĩa vụ tài chính đất đai.",
    "Tỷ lệ thanh toán trực tuyến trên 50%", ["Sở Tài chính"], ["Thuế tỉnh", "Sở Nông nghiệp và Môi trường"], "Trong năm 2026")
P.T(13, "Đo lường, công khai mức độ hài lòng của người dân, doanh nghiệp theo Bộ chỉ số phục vụ.",
    "Kết quả đánh giá", ["VP UBND tỉnh"], ["Trung tâm PVHCC tỉnh"], "Hàng tháng")
P.S("V", "Phản ánh, kiến nghị; kiểm tra; truyền thông")
P.T(14, "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính trên Hệ thống phản ánh, kiến nghị quốc gia.",
    "PAKN được xử lý", ["VP UBND tỉnh"], ["Các sở, ban, ngành", "UBND cấp xã"], "Thường xuyên")
P.T(15, "Kiểm tra công tác kiểm soát TTHC, thực hiện cơ chế một cửa tại các cơ quan, địa phương.",
    "Báo cáo kiểm tra", ["VP UBND tỉnh"], ["Sở Nội vụ"], "Quý II, Quý III/2026")
P.T(16, "Truyền thông về kiểm soát TTHC, DVCTT trên Báo và Phát thanh, Truyền hình Vĩnh Long.",
    "Tin, bài, phóng sự", ["Báo và Phát thanh, Truyền hình Vĩnh Long"], ["VP UBND tỉnh", "Sở TT&TT"], "6 tháng đầu năm, 6 tháng cuối năm")
P.S("VI", "Thông tin, báo cáo")
P.T(17, "Báo cáo kết quả kiểm soát thủ tục hành chính quý; gửi VP UBND tỉnh chậm nhất ngày 19 của tháng cuối quý để tổng hợp.",
    "Báo cáo quý", ["Các sở, ban, ngành", "UBND cấp xã"], [], "Hàng quý", dit="chậm nhất ngày 19 của tháng cuối quý")
P.T(18, "Báo cáo tình hình giải quyết TTHC, số hóa hồ sơ tháng.",
    "Báo cáo tháng", ["Các sở, ban, ngành", "UBND cấp xã"], [], "Trước ngày 20 hằng tháng")
P.T(19, "Tổng hợp báo cáo Văn phòng Chính phủ.",
    "Báo cáo của UBND tỉnh", ["VP UBND tỉnh"], [], "Báo cáo quý I chậm nhất ngày 22/3/2026; quý II chậm nhất ngày 22/6/2026; quý III chậm nhất ngày 22/9/2026; năm chậm nhất ngày 22/12/2026")
P.T(20, "Sơ kết, tổng kết công tác kiểm soát thủ tục hành chính năm 2026.",
    "Báo cáo tổng kết", ["VP UBND tỉnh"], ["Các sở, ban, ngành"], "Tháng 12/2026")

PLANS = [p7, p8]
