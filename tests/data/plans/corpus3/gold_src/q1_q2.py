from common import Plan

# ------------------------------------------------------------------ Q1 Hưng Yên, UBND tỉnh
q1 = Plan("hy_ubnd_2026", "docx", "Ủy ban nhân dân tỉnh Hưng Yên", "27/KH-UBND")
P = q1
SBN = "Các sở, ban, ngành tỉnh"
XA = "UBND các xã, phường"
VP = "Văn phòng UBND tỉnh"
P.S("I", "Kiểm soát việc ban hành quy định thủ tục hành chính")
P.T(1, "Đánh giá tác động của quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do các sở, ban, ngành chủ trì soạn thảo.",
    "Bản đánh giá tác động gửi kèm hồ sơ thẩm định", [SBN], [VP], "Thường xuyên")
P.T(2, "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh.",
    "Báo cáo thẩm định", ["Sở Tư pháp"], [SBN], "Theo yêu cầu")
P.T(3, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh Hưng Yên và tỉnh Thái Bình (cũ) có quy định thủ tục hành chính sau khi hợp nhất tỉnh; đề xuất bãi bỏ, thay thế các quy định không còn phù hợp.",
    "Danh mục văn bản đề nghị bãi bỏ, thay thế", ["Sở Tư pháp"], [SBN, VP], "Từ tháng 3 đến tháng 5/2026")
P.S("II", "Công bố, công khai và rà soát, đơn giản hóa thủ tục hành chính")
P.T(1, "Xây dựng, trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ; gửi hồ sơ về Văn phòng UBND tỉnh chậm nhất 05 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", [SBN], [VP], "Thường xuyên",
    dit="chậm nhất 05 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực")
P.T(2, "Kiểm soát chất lượng dự thảo Quyết định công bố; nhập, đăng tải công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
    "Thủ tục hành chính được công khai đầy đủ, kịp thời", [VP], [SBN], "Sau khi Quyết định công bố được ban hành")
P.T(3, "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026 của UBND tỉnh, tập trung các lĩnh vực đất đai, xây dựng, đầu tư, y tế.",
    "Báo cáo kết quả rà soát; phương án đơn giản hóa", [SBN], [VP, XA], "Quý III")
P.T(4, "Thống kê, công bố, công khai thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước trên địa bàn tỉnh.",
    "Quyết định công bố thủ tục hành chính nội bộ", [SBN], [VP], "Tháng 3/2026")
P.T(5, "Tổng hợp phương án đơn giản hóa thủ tục hành chính nội bộ, trình Chủ tịch UBND tỉnh phê duyệt.",
    "Quyết định phê duyệt phương án", [VP], [SBN], "Năm 2026")
P.S("III", "Thực hiện cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử")
P.T(1, "Nâng cao chất lượng tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp xã: - Bố trí công chức có đủ năng lực làm việc tại Bộ phận Một cửa; - Thực hiện xin lỗi tổ chức, cá nhân khi hồ sơ quá hạn; - Công khai kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn trên 98%", ["Trung tâm Phục vụ hành chính công tỉnh", XA], [SBN], "Thường xuyên")
P.T(2, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP; tái sử dụng dữ liệu đã số hóa.",
    "Tỷ lệ số hóa hồ sơ đạt 100%", [SBN, XA], ["Sở Khoa học và Công nghệ"], "Năm 2026")
P.T(3, "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, bảo đảm kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia và Cơ sở dữ liệu quốc gia về dân cư.",
    "Hệ thống được nâng cấp, vận hành ổn định", ["Sở Khoa học và Công nghệ"], [VP, "Công an tỉnh"], "6 tháng đầu năm")
P.T(4, "Triển khai liên thông điện tử hai nhóm thủ tục hành chính đăng ký khai sinh và đăng ký khai tử; tổng hợp vướng mắc của UBND cấp xã.",
    "Báo cáo kết quả liên thông", ["Sở Tư pháp"], ["Công an tỉnh", "Bảo hiểm xã hội tỉnh", XA], "Quý II, Quý IV")
P.T(5, "Thực hiện thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính.",
    "Tỷ lệ hồ sơ thanh toán trực tuyến tăng so với năm 2025", [SBN, XA], ["Sở Tài chính", "Sở TT&TT"], "Trong năm 2026")
P.S("IV", "Tiếp nhận, xử lý phản ánh, kiến nghị và truyền thông")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính trên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị.",
    "Phản ánh, kiến nghị được xử lý đúng thời hạn", [VP], [SBN, XA], "Thường xuyên")
P.T(2, "Tuyên truyền về kết quả kiểm soát thủ tục hành chính, cải cách thủ tục hành chính trên Báo và Phát thanh, Truyền hình Hưng Yên.",
    "Chuyên mục, tin bài", ["Báo và Phát thanh, Truyền hình Hưng Yên"], [VP], "Hằng quý")
P.T(3, "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ đầu mối các sở, ngành và UBND cấp xã mới thành lập.",
    "02 lớp tập huấn", [VP], [SBN, XA], "Quý II/2026")
P.T(4, "Cập nhật, kiện toàn danh sách cán bộ, công chức làm đầu mối kiểm soát thủ tục hành chính tại các cơ quan, đơn vị.",
    "Quyết định kiện toàn", [VP], [SBN, XA], "Trước ngày 28/02/2026")
P.T(5, "Khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước.",
    "Báo cáo kết quả khảo sát", ["Sở Nội vụ"], [VP, "Sở KH&ĐT"], "Quý III, Quý IV")
P.S("V", "Kiểm tra, báo cáo")
P.T(1, "Kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa tại một số sở, ngành và UBND cấp xã.",
    "Thông báo kết luận kiểm tra", [VP], ["Sở Nội vụ"], "Quý III")
P.T(2, "Báo cáo tình hình giải quyết thủ tục hành chính, số hóa hồ sơ hằng tháng qua Hệ thống báo cáo của tỉnh.",
    "Báo cáo tháng", [SBN, XA], [], "Trước ngày 20 hằng tháng")
P.T(3, "Báo cáo định kỳ quý, 6 tháng, năm về tình hình, kết quả thực hiện kiểm soát thủ tục hành chính; các đơn vị gửi báo cáo về Văn phòng UBND tỉnh chậm nhất ngày 19 của tháng cuối quý.",
    "Báo cáo quý, 6 tháng, năm", [SBN, XA], [VP], "Hằng quý",
    dit="chậm nhất ngày 19 của tháng cuối quý")
P.T(4, "Tổng hợp, báo cáo Văn phòng Chính phủ tình hình, kết quả kiểm soát thủ tục hành chính của tỉnh.",
    "Báo cáo của UBND tỉnh", [VP], [], "Quý IV/2026 hoặc đột xuất")

# ------------------------------------------------------------------ Q2 Lâm Đồng, Sở Y tế
q2 = Plan("ld_syt_2026", "docx", "Sở Y tế tỉnh Lâm Đồng", "142/KH-SYT")
P = q2
VPS = "Văn phòng Sở"
PCM = "Các phòng chức năng thuộc Sở"
P.S("1", "Kiểm soát quy định và công bố thủ tục hành chính")
P.T("a", "Đánh giá tác động của thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do Sở Y tế chủ trì soạn thảo.",
    "Báo cáo đánh giá tác động", ["Phòng chuyên môn được giao soạn thảo"], ["Phòng Pháp chế - Thanh tra"], "Theo tiến độ xây dựng văn bản")
P.T("b", "Tham mưu UBND tỉnh công bố danh mục thủ tục hành chính lĩnh vực y tế, dược, khám bệnh, chữa bệnh, bảo trợ xã hội sau khi Bộ Y tế công bố.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", [VPS], [PCM], "Chậm nhất 10 ngày làm việc sau khi Bộ Y tế công bố")
P.T("bx", "Xây dựng quy trình nội bộ giải quyết thủ tục hành chính được công bố, gửi Văn phòng UBND tỉnh trình phê duyệt.",
    "Quy trình nội bộ được phê duyệt", [VPS], ["Văn phòng UBND tỉnh"], "Cùng thời điểm trình công bố")
P.T("c", "Công khai thủ tục hành chính lĩnh vực y tế tại Trung tâm Phục vụ hành chính công tỉnh, Bộ phận Một cửa cấp xã và trên Trang thông tin điện tử của Sở.",
    "Thủ tục hành chính được công khai", [VPS], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")
P.S("2", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T("a", "Rà soát thủ tục hành chính lĩnh vực dược, mỹ phẩm và bảo trợ xã hội (tiếp nhận từ Sở Lao động - Thương binh và Xã hội) theo Kế hoạch của UBND tỉnh.",
    "Báo cáo rà soát; phương án đơn giản hóa", ["Phòng Nghiệp vụ Dược", "Phòng Bảo trợ xã hội"], [VPS], "Quý II")
P.T("b", "Đề xuất phân cấp, ủy quyền giải quyết thủ tục hành chính cho UBND cấp xã và các đơn vị trực thuộc; hoàn thành trước ngày 30/6/2026.",
    "Văn bản đề xuất phân cấp", [VPS], [PCM], "6 tháng đầu năm",
    dit="trước ngày 30/6/2026")
P.T("c", "Rà soát, cắt giảm thành phần hồ sơ đối với thủ tục cấp giấy phép hành nghề khám bệnh, chữa bệnh: - Cắt giảm giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư; - Tái sử dụng kết quả giải quyết đã số hóa.",
    "Phương án cắt giảm thành phần hồ sơ", ["Phòng Quản lý hành nghề y"], [VPS], "Quý III/2026")
P.S("3", "Thực hiện cơ chế một cửa, một cửa liên thông")
P.T("a", "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn; không để tồn đọng hồ sơ quá hạn.",
    "Tỷ lệ hồ sơ đúng hạn đạt 100%", [PCM], [VPS], "Thường xuyên")
P.T("b", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; cập nhật lên Kho dữ liệu điện tử của tổ chức, cá nhân.",
    "Tỷ lệ số hóa đạt 100%", [PCM], ["Sở Khoa học và Công nghệ"], "Trong năm 2026")
P.T("c", "Liên thông cấp giấy chứng sinh, giấy báo tử điện tử với đăng ký khai sinh, khai tử tại UBND cấp xã.",
    "Dữ liệu được liên thông", ["Các bệnh viện, trung tâm y tế"], ["Sở Tư pháp", "Công an tỉnh"], "Từ tháng 4 đến tháng 9/2026")
P.T("d", "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục cấp lại chứng chỉ hành nghề dược.",
    "Thủ tục được cung cấp toàn trình", ["Phòng Nghiệp vụ Dược"], ["Sở TT&TT"], "Tháng 3/2026")
P.S("4", "Phản ánh, kiến nghị và truyền thông")
P.T("a", "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính lĩnh vực y tế; trả lời trong thời hạn 10 ngày làm việc kể từ ngày nhận được phản ánh.",
    "Văn bản trả lời", [VPS], [PCM], "Thường xuyên",
    dit="trong thời hạn 10 ngày làm việc kể từ ngày nhận được phản ánh")
P.T("b", "Tuyên truyền dịch vụ công trực tuyến lĩnh vực y tế trên Trang thông tin điện tử của Sở và mạng xã hội.",
    "Tin, bài tuyên truyền", [VPS], ["Trung tâm Kiểm soát bệnh tật"], "Quý I, Quý III")
P.T("c", "Tập huấn kỹ năng hướng dẫn người dân nộp hồ sơ trực tuyến cho công chức Bộ phận Một cửa của Sở và các trung tâm y tế.",
    "01 lớp tập huấn", [VPS], ["Trung tâm Phục vụ hành chính công tỉnh"], "Tháng 5/2026")
P.S("5", "Chế độ báo cáo")
P.T("a", "Báo cáo tình hình giải quyết thủ tục hành chính tháng gửi Văn phòng UBND tỉnh.",
    "Báo cáo tháng", [VPS], [PCM], "Trước ngày 20 hằng tháng")
P.T("b", "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm.",
    "Báo cáo định kỳ", [VPS], [PCM], "Chậm nhất ngày 19 tháng cuối quý")
P.T("c", "Báo cáo tổng kết công tác kiểm soát thủ tục hành chính năm 2026 của Sở.",
    "Báo cáo năm", [VPS], [PCM], "Trước ngày 05/12/2026")
P.T("d", "Báo cáo đột xuất theo yêu cầu của Bộ Y tế, UBND tỉnh.",
    "Báo cáo đột xuất", [VPS], [], "Theo yêu cầu")

PLANS = [q1, q2]
