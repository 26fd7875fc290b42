from common import Plan

# ------------------------------------------------------------------ Q3 phường Cái Khế, Cần Thơ
q3 = Plan("ct_phuongcaikhe_2026", "docx", "Ủy ban nhân dân phường Cái Khế (thành phố Cần Thơ)", "09/KH-UBND")
P = q3
VP = "Văn phòng HĐND và UBND phường"
TT = "Trung tâm Phục vụ hành chính công phường"
KT = "Phòng Kinh tế, Hạ tầng và Đô thị"
VH = "Phòng Văn hóa - Xã hội"
KV = "Trưởng các khu vực"
P.S("A", "Công bố, công khai và rà soát thủ tục hành chính")
P.T(1, "Cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã theo các Quyết định công bố của Chủ tịch UBND thành phố.",
    None, [VP], [TT], "Thường xuyên")
P.T(2, "Niêm yết công khai thủ tục hành chính, số điện thoại đường dây nóng tại Trung tâm Phục vụ hành chính công phường; thay thế các bảng niêm yết còn ghi tên UBND quận Ninh Kiều.",
    None, [TT], [VP], "Tháng 02/2026")
P.T(3, "Rà soát thủ tục hành chính lĩnh vực đất đai, xây dựng, hộ tịch được phân cấp từ cấp huyện về cấp xã; đề xuất phương án đơn giản hóa.",
    None, [KT], [VH, VP], "Quý II/2026", notes="Gửi kết quả về Văn phòng UBND thành phố trước ngày 15/6/2026",
    dit="trước ngày 15/6/2026")
P.T(4, "Thống kê thủ tục hành chính nội bộ tại UBND phường.",
    None, [VP], [KT, VH], "Quý I/2026", inf=())
P.S("B", "Thực hiện cơ chế một cửa, một cửa liên thông")
P.T(5, "Tiếp nhận, giải quyết, trả kết quả hồ sơ thủ tục hành chính đúng quy định; không yêu cầu người dân bổ sung giấy tờ đã có trong cơ sở dữ liệu.",
    None, [TT], [KT, VH], "Thường xuyên")
P.T(6, "Hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến tại khu vực hỗ trợ của Trung tâm.",
    None, [TT], ["Đoàn Thanh niên phường"], "Thường xuyên", inf=["lead", "deadline"])
P.T(7, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận.",
    None, [TT], [KT, VH], "Năm 2026", inf=["lead"])
P.T(8, "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
    None, [VH], ["Công an phường", "Bảo hiểm xã hội khu vực"], "Trong năm 2026")
P.T(9, "Đánh giá mức độ hài lòng của người dân về giải quyết thủ tục hành chính qua thiết bị đánh giá tại quầy.",
    None, [TT], [], "Ngày 05 hằng tháng")
P.S("C", "Phản ánh, kiến nghị và tuyên truyền")
P.T(10, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính; chuyển phản ánh không thuộc thẩm quyền đến cơ quan có thẩm quyền trong thời hạn 05 ngày làm việc.",
    None, [VP], [KV], "Thường xuyên", dit="trong thời hạn 05 ngày làm việc")
P.T(11, "Tuyên truyền về dịch vụ công trực tuyến tại các khu vực, qua hệ thống loa truyền thanh và trang Zalo của phường.",
    None, [VH], [KV, "UBMTTQ Việt Nam phường"], "Quý I, Quý III")
P.T(12, "Tổ chức hội nghị đối thoại với người dân, doanh nghiệp về giải quyết thủ tục hành chính.",
    None, ["Chủ tịch UBND phường"], [VP, TT], "6 tháng cuối năm")
P.S("D", "Kiểm tra, báo cáo")
P.T(13, "Tự kiểm tra việc giải quyết thủ tục hành chính tại các phòng chuyên môn.",
    None, [VP], [KT, VH], "Quý III")
P.T(14, "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính tháng.",
    None, [TT], [], "Trước ngày 20 hằng tháng", notes="Gửi Văn phòng UBND thành phố qua Hệ thống báo cáo")
P.T(15, "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm.",
    None, [VP], [TT], "Hằng quý", notes="Chậm nhất ngày 19 của tháng cuối quý",
    dit="Chậm nhất ngày 19 của tháng cuối quý")
P.T(16, "Báo cáo đột xuất theo yêu cầu của UBND thành phố.",
    None, [VP], [], "Theo yêu cầu", inf=())
P.T(17, "Tổng kết công tác kiểm soát thủ tục hành chính năm 2026.",
    None, [VP], [TT, KT, VH], "Trước ngày 10/12/2026")
P.T(18, "Cập nhật thông tin cán bộ đầu mối kiểm soát thủ tục hành chính của phường gửi Văn phòng UBND thành phố; kiện toàn khi có thay đổi nhân sự trong thời hạn 03 ngày làm việc.",
    None, [VP], [], "Tháng 01/2026", dit="trong thời hạn 03 ngày làm việc")
P.T(19, "Phối hợp với Công an phường làm sạch dữ liệu hộ tịch, cư trú phục vụ giải quyết thủ tục hành chính.",
    None, [VH], ["Công an phường"], "Từ tháng 3 đến tháng 5/2026")
P.T(20, "Tổ chức rà soát, sắp xếp lưu trữ hồ sơ thủ tục hành chính của UBND phường An Hòa, phường Thới Bình (cũ) bàn giao về phường.",
    None, [VP], [TT], "Sau khi hoàn thành bàn giao hồ sơ")

# ------------------------------------------------------------------ Q4 Khánh Hòa, Văn phòng UBND tỉnh
q4 = Plan("kh_vpubnd_2026", "docx", "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa", "18/KH-VPUBND")
P = q4
KS = "Phòng Kiểm soát thủ tục hành chính"
TT = "Trung tâm Phục vụ hành chính công tỉnh"
P.S("I", "HOÀN THIỆN THỂ CHẾ, KIỂM SOÁT QUY ĐỊNH THỦ TỤC HÀNH CHÍNH")
P.T(1, "Tham mưu UBND tỉnh ban hành Kế hoạch kiểm soát thủ tục hành chính, Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 của tỉnh Khánh Hòa (sau hợp nhất với tỉnh Ninh Thuận).",
    "Kế hoạch của UBND tỉnh", [KS], ["Phòng Tổng hợp"], "Tháng 01/2026")
P.T(2, "Góp ý quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do các sở, ngành gửi lấy ý kiến.",
    "Văn bản góp ý", [KS], ["Các phòng chuyên môn thuộc Văn phòng"], "Trong thời hạn 07 ngày làm việc kể từ ngày nhận đủ hồ sơ")
P.T(3, "Tham mưu sửa đổi Quy chế phối hợp công bố, công khai thủ tục hành chính trên địa bàn tỉnh sau sắp xếp đơn vị hành chính.",
    "Quyết định của UBND tỉnh", [KS], ["Sở Tư pháp", "Sở Nội vụ"], "Quý I")
P.S("II", "CÔNG BỐ, CÔNG KHAI, RÀ SOÁT THỦ TỤC HÀNH CHÍNH")
P.T(1, "Kiểm soát chất lượng hồ sơ trình công bố danh mục thủ tục hành chính của các sở, ngành: - Kiểm tra tính đầy đủ, chính xác của danh mục; - Đối chiếu với Quyết định công bố của bộ, ngành; - Trình Chủ tịch UBND tỉnh ký ban hành.",
    "Quyết định công bố", [KS], ["Các sở, ban, ngành"], "Thường xuyên")
P.T(2, "Công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính và Cổng Dịch vụ công tỉnh sau khi Quyết định công bố được ký.",
    "Thủ tục được công khai", [KS], ["Sở Khoa học và Công nghệ"], "Sau khi có Quyết định công bố")
P.T(3, "Theo dõi, đôn đốc các sở, ngành, UBND cấp xã rà soát thủ tục hành chính theo Kế hoạch rà soát năm 2026; tổng hợp phương án đơn giản hóa trình Chủ tịch UBND tỉnh trước ngày 31/10/2026.",
    "Quyết định thông qua phương án đơn giản hóa", [KS], ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], "Từ tháng 3 đến tháng 5",
    dit="trước ngày 31/10/2026")
P.T(4, "Rà soát thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước thuộc UBND tỉnh; công bố danh mục sửa đổi sau sắp xếp bộ máy.",
    "Quyết định công bố TTHC nội bộ", [KS], ["Các sở, ban, ngành"], "Quý III")
P.S("III", "CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG, THỦ TỤC HÀNH CHÍNH TRÊN MÔI TRƯỜNG ĐIỆN TỬ")
P.T(1, "Chỉ đạo Trung tâm Phục vụ hành chính công tỉnh bố trí quầy tiếp nhận hồ sơ không phụ thuộc địa giới hành chính.",
    "Quầy tiếp nhận được bố trí", [TT], [KS], "6 tháng đầu năm")
P.T(2, "Theo dõi, đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp; công khai kết quả trên Cổng Dịch vụ công tỉnh.",
    "Kết quả đánh giá hằng tháng", [TT], [KS, "Sở Khoa học và Công nghệ"], "Trước ngày 10 hằng tháng")
P.T(3, "Phối hợp với Sở KH&ĐT (nay là Sở Tài chính) và Thuế tỉnh triển khai liên thông đăng ký doanh nghiệp, đăng ký thuế trên môi trường điện tử.",
    "Báo cáo kết quả liên thông", ["Sở Tài chính"], [TT, "Thuế tỉnh"], "Năm 2026")
P.T(4, "Vận hành Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; khắc phục lỗi kết nối với Cổng Dịch vụ công quốc gia trong vòng 24 giờ kể từ khi phát hiện.",
    "Hệ thống vận hành thông suốt", ["Sở Khoa học và Công nghệ"], [TT, KS], "Thường xuyên",
    dit="trong vòng 24 giờ kể từ khi phát hiện")
P.T(5, "Hướng dẫn UBND cấp xã (trước đây là UBND huyện và UBND xã) vận hành Bộ phận Một cửa theo mô hình chính quyền địa phương hai cấp.",
    "Văn bản hướng dẫn", [TT], [KS], "Quý I, Quý II")
P.S("IV", "PHẢN ÁNH, KIẾN NGHỊ; KIỂM TRA; THÔNG TIN, BÁO CÁO")
P.T(1, "Tiếp nhận, phân loại, chuyển xử lý phản ánh, kiến nghị về quy định hành chính; theo dõi, đôn đốc việc trả lời.",
    "Phản ánh, kiến nghị được xử lý", [KS], ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], "Thường xuyên")
P.T(2, "Kiểm tra công tác kiểm soát thủ tục hành chính tại một số sở, ngành và UBND cấp xã.",
    "Thông báo kết quả kiểm tra", [KS], ["Sở Nội vụ"], "Quý III")
P.T(3, "Tổng hợp báo cáo tình hình, kết quả kiểm soát thủ tục hành chính quý của tỉnh gửi Văn phòng Chính phủ.",
    "Báo cáo của UBND tỉnh", [KS], [TT], "Chậm nhất ngày 22 của tháng cuối quý")
P.T(4, "Báo cáo số liệu giải quyết thủ tục hành chính tháng trên Hệ thống quản lý và đánh giá về kiểm soát thủ tục hành chính.",
    "Báo cáo tháng", [TT], [KS], "Trước ngày 25 hằng tháng")
P.T(5, "Sơ kết 6 tháng, tổng kết năm công tác kiểm soát thủ tục hành chính.",
    "Báo cáo sơ kết, tổng kết", [KS], ["Các phòng chuyên môn thuộc Văn phòng"], "Định kỳ 06 tháng và cuối năm")
P.T(6, "Báo cáo đột xuất theo yêu cầu của Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ.",
    "Báo cáo đột xuất", [KS], [], "Theo yêu cầu")

PLANS = [q3, q4]
