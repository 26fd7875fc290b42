from common import Plan

# ------------------------------------------------------------------ P5 Đà Nẵng, UBND thành phố (xlsx)
p5 = Plan("dng_ubnd_2026", "xlsx", "Ủy ban nhân dân thành phố Đà Nẵng", "08/KH-UBND")
P = p5
P.S("I", "Ban hành văn bản chỉ đạo, điều hành")
P.T(1, "Ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 trên địa bàn thành phố (sau hợp nhất với tỉnh Quảng Nam).",
    "Quyết định của Chủ tịch UBND thành phố", ["Văn phòng UBND thành phố"], ["Các sở, ban, ngành"], "28/02/2026")
P.T(2, "Ban hành Kế hoạch truyền thông về kiểm soát thủ tục hành chính, thủ tục hành chính trên môi trường điện tử năm 2026.",
    "Kế hoạch truyền thông", ["Văn phòng UBND thành phố"], ["Sở Văn hóa và Thể thao", "Sở KH&CN"], "Tháng 3/2026", inf=["lead", "deadline"])
P.T(3, "Ban hành Kế hoạch kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026.",
    "Kế hoạch kiểm tra", ["Văn phòng UBND thành phố"], ["Sở Nội vụ"], "Tháng 3/2026", inf=["lead", "deadline"])
P.S("II", "Kiểm soát quy định, công bố, công khai thủ tục hành chính")
P.T(1, "Đánh giá tác động, lấy ý kiến về quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật.",
    "Báo cáo đánh giá tác động", ["Các sở, ban, ngành chủ trì soạn thảo"], ["Văn phòng UBND thành phố", "Sở Tư pháp"], "Thường xuyên")
P.T(2, "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật.",
    "Báo cáo thẩm định", ["Sở Tư pháp"], ["Các sở, ban, ngành chủ trì soạn thảo"], "Thường xuyên")
P.T(3, "Trình công bố danh mục thủ tục hành chính; công bố thủ tục hành chính nội bộ.",
    "Quyết định công bố", ["Các sở, ban, ngành"], ["Văn phòng UBND thành phố"], "Thường xuyên",
    dit="trước ngày văn bản quy phạm pháp luật có hiệu lực thi hành ít nhất 05 ngày làm việc",
    notes="Gửi hồ sơ trình công bố trước ngày văn bản quy phạm pháp luật có hiệu lực thi hành ít nhất 05 ngày làm việc")
P.T(4, "Cập nhật, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính và Cổng dịch vụ công thành phố.",
    "Thủ tục hành chính được công khai", ["Văn phòng UBND thành phố"], ["Trung tâm Phục vụ hành chính công thành phố"], "Thường xuyên")
P.S("III", "Rà soát, đơn giản hóa thủ tục hành chính, quy định kinh doanh")
P.T(1, "Rà soát, đánh giá thủ tục hành chính, quy định kinh doanh theo Kế hoạch rà soát năm 2026.",
    "Báo cáo kết quả rà soát", ["Các sở, ban, ngành"], ["Văn phòng UBND thành phố"], "31/7/2026")
P.T(2, "Rà soát thủ tục hành chính lĩnh vực đầu tư, đăng ký doanh nghiệp tiếp nhận từ Sở Kế hoạch và Đầu tư (cũ).",
    "Phương án đơn giản hóa", ["Sở Tài chính"], ["Văn phòng UBND thành phố"], "Quý II/2026")
P.T(3, "Rà soát thủ tục hành chính lĩnh vực giao thông, đường bộ tiếp nhận từ Sở Giao thông vận tải (cũ).",
    "Phương án đơn giản hóa", ["Sở Xây dựng"], ["Văn phòng UBND thành phố"], "Quý II/2026")
P.T(4, "Tổng hợp, trình Chủ tịch UBND thành phố phê duyệt phương án đơn giản hóa thủ tục hành chính.",
    "Quyết định phê duyệt", ["Văn phòng UBND thành phố"], ["Sở Tư pháp"], "30/9/2026")
P.S("IV", "Thực hiện cơ chế một cửa, một cửa liên thông, thủ tục hành chính trên môi trường điện tử")
P.T(1, "Duy trì hoạt động Trung tâm Phục vụ hành chính công thành phố và các điểm tiếp nhận tại khu vực Quảng Nam (cũ).",
    "Trung tâm, điểm tiếp nhận hoạt động ổn định", ["Trung tâm Phục vụ hành chính công thành phố"], ["Các sở, ban, ngành"], "Thường xuyên")
P.T(2, "Cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 70%.",
    "Báo cáo kết quả cung cấp DVCTT", ["Sở KH&CN"], ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], "Quý III/2026")
P.T(3, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; khai thác, tái sử dụng dữ liệu số hóa.",
    "Tỷ lệ số hóa đạt 100%", ["Các sở, ban, ngành"], ["Trung tâm Phục vụ hành chính công thành phố"], "Thường xuyên")
P.T(4, "Triển khai thanh toán trực tuyến nghĩa vụ tài chính trong giải quyết thủ tục hành chính đất đai.",
    "Hồ sơ được thanh toán trực tuyến", ["Sở Nông nghiệp và Môi trường"], ["Thuế thành phố", "Sở Tài chính"], "Quý II/2026")
P.T(5, "Thực hiện liên thông điện tử nhóm thủ tục hành chính đăng ký biến động đất đai và nghĩa vụ tài chính.",
    "Quy trình liên thông được vận hành", ["Sở Nông nghiệp và Môi trường"], ["Thuế thành phố", "Sở Tài chính"], "Quý III/2026", inf=["lead", "support"])
P.S("V", "Phản ánh, kiến nghị; truyền thông; kiểm tra")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị qua Tổng đài 1022 và Hệ thống phản ánh, kiến nghị quốc gia.",
    "Phản ánh, kiến nghị được xử lý", ["Trung tâm Giám sát, điều hành đô thị thông minh"], ["Các sở, ban, ngành"], "Thường xuyên")
P.T(2, "Truyền thông về kiểm soát thủ tục hành chính trên Báo và Phát thanh, Truyền hình Đà Nẵng.",
    "Chuyên mục, tin bài", ["Báo và Phát thanh, Truyền hình Đà Nẵng"], ["Văn phòng UBND thành phố"], "Hằng quý")
P.T(3, "Kiểm tra công tác kiểm soát thủ tục hành chính tại các cơ quan, đơn vị theo Kế hoạch kiểm tra.",
    "Thông báo kết quả kiểm tra", ["Văn phòng UBND thành phố"], ["Sở Nội vụ"], "Quý II, Quý III")
P.S("VI", "Chế độ thông tin, báo cáo")
P.T(1, "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính quý, 6 tháng, năm.",
    "Báo cáo của cơ quan, đơn vị", ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], ["Văn phòng UBND thành phố"], "Hằng quý",
    dit="chậm nhất ngày 19 của tháng cuối quý", notes="Gửi về Văn phòng UBND thành phố chậm nhất ngày 19 của tháng cuối quý")
P.T(2, "Báo cáo tình hình giải quyết thủ tục hành chính, số hóa hồ sơ trên Hệ thống báo cáo của thành phố.",
    "Báo cáo tháng", ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"], [], "Trước ngày 20 hằng tháng")
P.T(3, "Tổng hợp, báo cáo Văn phòng Chính phủ kết quả kiểm soát thủ tục hành chính của thành phố.",
    "Báo cáo của UBND thành phố", ["Văn phòng UBND thành phố"], [], "Định kỳ hằng quý, 6 tháng, năm")
P.T(4, "Báo cáo đột xuất theo yêu cầu của Văn phòng Chính phủ.",
    "Báo cáo đột xuất", ["Văn phòng UBND thành phố"], ["Các sở, ban, ngành"], "Theo yêu cầu")

# ------------------------------------------------------------------ P6 Quảng Ngãi, UBND xã
p6 = Plan("qng_xanghiahanh_2026", "docx", "Ủy ban nhân dân xã Nghĩa Hành", "05/KH-UBND")
P = p6
P.S("I", "Công khai thủ tục hành chính")
P.T(1, "Niêm yết công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã tại Bộ phận Một cửa; cập nhật ngay khi có Quyết định công bố mới.",
    None, ["Công chức Văn phòng - Thống kê"], ["Bộ phận Một cửa"], "Thường xuyên")
P.T(2, "Công khai số điện thoại đường dây nóng, địa chỉ tiếp nhận phản ánh, kiến nghị tại trụ sở UBND xã, hoàn thành trước ngày 28/02/2026.",
    None, ["Công chức Văn phòng - Thống kê"], [], None, dit="trước ngày 28/02/2026")
P.T(3, "Công khai tiến độ, kết quả giải quyết hồ sơ thủ tục hành chính trên Trang thông tin điện tử của xã.",
    None, ["Công chức Văn hóa - Xã hội"], ["Bộ phận Một cửa"], "Hằng tháng")
P.S("II", "Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông")
P.T(1, "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn; xin lỗi người dân khi hồ sơ quá hạn.",
    None, ["Bộ phận Một cửa"], ["Các công chức chuyên môn"], "Thường xuyên")
P.T(2, "Thực hiện liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
    None, ["Công chức Tư pháp - Hộ tịch"], ["Công an xã"], "Thường xuyên")
P.T(3, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; phấn đấu 100% hồ sơ được số hóa khi tiếp nhận.",
    None, ["Bộ phận Một cửa"], ["Các công chức chuyên môn"], "Thường xuyên")
P.T(4, "Hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến; thành lập Tổ công nghệ số cộng đồng tại các thôn trong Quý I/2026.",
    None, ["Công chức Văn hóa - Xã hội"], ["Đoàn Thanh niên xã, Trưởng các thôn"], None, dit="trong Quý I/2026")
P.S("III", "Rà soát thủ tục hành chính, tiếp nhận phản ánh kiến nghị")
P.T(1, "Rà soát thủ tục hành chính lĩnh vực đất đai, hộ tịch, chứng thực theo hướng dẫn của UBND tỉnh; gửi kết quả trước ngày 15/7/2026.",
    None, ["Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Nông nghiệp - Xây dựng"], [], None, dit="trước ngày 15/7/2026", inf=["lead"])
P.T(2, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính.",
    None, ["Công chức Văn phòng - Thống kê"], ["Các công chức chuyên môn"], "Thường xuyên")
P.T(3, "Rà soát, đề nghị điều chỉnh thủ tục hành chính còn vướng mắc sau khi sáp nhập xã (trước đây thuộc UBND huyện Nghĩa Hành).",
    None, ["Công chức Văn phòng - Thống kê"], ["Các công chức chuyên môn"], "Quý II")
P.S("IV", "Kiểm tra, tuyên truyền")
P.T(1, "Tự kiểm tra việc tiếp nhận, giải quyết thủ tục hành chính tại Bộ phận Một cửa.",
    None, ["Chủ tịch UBND xã"], ["Công chức Văn phòng - Thống kê"], "Quý III")
P.T(2, "Tuyên truyền về thủ tục hành chính, dịch vụ công trực tuyến trên hệ thống loa truyền thanh xã.",
    None, ["Công chức Văn hóa - Xã hội"], [], "Hằng tháng")
P.S("V", "Báo cáo")
P.T(1, "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính tháng, gửi Văn phòng UBND tỉnh qua Hệ thống báo cáo trước ngày 15 hằng tháng.",
    None, ["Công chức Văn phòng - Thống kê"], ["Bộ phận Một cửa"], None, dit="trước ngày 15 hằng tháng")
P.T(2, "Báo cáo kết quả kiểm soát thủ tục hành chính quý (chậm nhất ngày 19 của tháng cuối quý).",
    None, ["Công chức Văn phòng - Thống kê"], [], "Hằng quý", dit="chậm nhất ngày 19 của tháng cuối quý")
P.T(3, "Báo cáo tổng kết năm 2026.",
    None, ["Công chức Văn phòng - Thống kê"], ["Các công chức chuyên môn"], "Trước 05/12/2026")
P.T(4, "Báo cáo đột xuất khi có yêu cầu.",
    None, ["Công chức Văn phòng - Thống kê"], [], "Đột xuất")

PLANS = [p5, p6]
