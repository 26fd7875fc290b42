from common import Plan

# ------------------------------------------------------------------ Q5 Ninh Bình, Sở Xây dựng (xlsx)
q5 = Plan("nb_sxd_2026", "xlsx", "Sở Xây dựng tỉnh Ninh Bình", "85/KH-SXD")
P = q5
VPS = "Văn phòng Sở"
PCM = "Các phòng chuyên môn, đơn vị thuộc Sở"
P.S("I", "Kiểm soát quy định thủ tục hành chính")
P.T(1, "Đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do Sở Xây dựng chủ trì soạn thảo.",
    "Báo cáo đánh giá tác động", ["Phòng được giao soạn thảo"], ["Phòng Pháp chế"], "Theo tiến độ soạn thảo")
P.T(2, "Lấy ý kiến cá nhân, tổ chức về quy định thủ tục hành chính trong dự thảo văn bản.",
    "Báo cáo tiếp thu, giải trình", ["Phòng được giao soạn thảo"], [VPS], "Khi xây dựng dự thảo")
P.S("II", "Công bố, công khai, rà soát thủ tục hành chính")
P.T(1, "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính lĩnh vực xây dựng, giao thông vận tải (tiếp nhận từ Sở GTVT) thuộc thẩm quyền giải quyết của các cấp.",
    "Tờ trình, dự thảo Quyết định", [VPS], [PCM], "Chậm nhất 05 ngày làm việc trước ngày văn bản có hiệu lực")
P.T(2, "Rà soát thủ tục hành chính lĩnh vực hoạt động xây dựng, nhà ở và thị trường bất động sản.",
    "Báo cáo rà soát", ["Phòng Quản lý hoạt động xây dựng", "Phòng Quản lý nhà và thị trường bất động sản"], [VPS], "Quý II/2026")
P.T(3, "Rà soát thủ tục hành chính lĩnh vực đường bộ, đăng kiểm, đào tạo sát hạch lái xe.",
    "Báo cáo rà soát", ["Phòng Quản lý vận tải, phương tiện và người lái"], [VPS], "Quý II/2026", inf=["deadline"])
P.T(4, "Xây dựng phương án đơn giản hóa thủ tục hành chính được rà soát, gửi Văn phòng UBND tỉnh.",
    "Phương án đơn giản hóa", [VPS], [PCM], "Quý II/2026", inf=["deadline"])
P.T(5, "Cập nhật quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Quy trình được cập nhật", [VPS], ["Sở Khoa học và Công nghệ", "Trung tâm Phục vụ hành chính công tỉnh"], "31/03/2026")
P.S("III", "Thực hiện cơ chế một cửa, một cửa liên thông")
P.T(1, "Cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh; đánh giá công chức theo quy định.",
    "Quyết định cử công chức", [VPS], [], "Thường xuyên")
P.T(2, "Giải quyết hồ sơ thủ tục hành chính đúng hạn; thực hiện xin lỗi khi trễ hạn.",
    "Tỷ lệ hồ sơ đúng hạn trên 98%", [PCM], [VPS], "Thường xuyên")
P.T(3, "Số hóa hồ sơ cấp giấy phép xây dựng, giấy phép lái xe; kết nối dữ liệu với Cơ sở dữ liệu quốc gia về dân cư.",
    "Tỷ lệ số hóa 100%", ["Phòng Quản lý hoạt động xây dựng", "Phòng Quản lý vận tải, phương tiện và người lái"], ["Công an tỉnh"], "30/06/2026")
P.T(4, "Triển khai dịch vụ công trực tuyến toàn trình cấp đổi giấy phép lái xe trên ứng dụng VNeID.",
    "Dịch vụ được triển khai", ["Phòng Quản lý vận tải, phương tiện và người lái"], ["Công an tỉnh", "Sở TT&TT"], "Quý III")
P.T(5, "Thực hiện thanh toán trực tuyến phí, lệ phí sát hạch lái xe.",
    "Tỷ lệ thanh toán trực tuyến trên 60%", ["Trung tâm Sát hạch lái xe"], ["Sở Tài chính"], "Năm 2026")
P.T(6, "Niêm yết, công khai thủ tục hành chính lĩnh vực xây dựng tại Bộ phận Một cửa cấp xã sau khi sắp xếp, thay thế tài liệu ghi tên UBND huyện.",
    "Thủ tục được niêm yết", [VPS], ["UBND các xã, phường"], "Tháng 3/2026")
P.S("IV", "Phản ánh, kiến nghị; truyền thông")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính lĩnh vực xây dựng, giao thông.",
    "Văn bản trả lời", [VPS], [PCM], "Thường xuyên", notes="Trả lời trong thời hạn 10 ngày làm việc",
    dit="trong thời hạn 10 ngày làm việc")
P.T(2, "Tuyên truyền về dịch vụ công trực tuyến lĩnh vực xây dựng trên Trang thông tin điện tử của Sở.",
    "Tin, bài", [VPS], [], "Quý I, Quý III")
P.S("V", "Kiểm tra, báo cáo")
P.T(1, "Kiểm tra nội bộ việc giải quyết thủ tục hành chính tại các phòng, đơn vị.",
    "Báo cáo kết quả kiểm tra", [VPS], ["Thanh tra Sở"], "Từ tháng 8 đến tháng 10/2026")
P.T(2, "Báo cáo tình hình giải quyết thủ tục hành chính tháng.",
    "Báo cáo tháng", [VPS], [PCM], "Trước ngày 20 hằng tháng", notes="Các phòng gửi số liệu về Văn phòng Sở trước ngày 15 hằng tháng",
    dit="trước ngày 15 hằng tháng")
P.T(3, "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm.",
    "Báo cáo định kỳ", [VPS], [PCM], "Chậm nhất ngày 19 của tháng cuối quý")
P.T(4, "Báo cáo kết quả thực hiện các chỉ tiêu về dịch vụ công trực tuyến, số hóa hồ sơ theo Đề án 06.",
    "Báo cáo chuyên đề", [VPS], [PCM], "Trước ngày 10 hằng quý")
P.T(5, "Báo cáo đột xuất theo yêu cầu của Bộ Xây dựng, UBND tỉnh.",
    "Báo cáo đột xuất", [VPS], [], "Theo yêu cầu")
P.T(6, "Báo cáo tổng kết năm 2026, đề xuất nhiệm vụ năm 2027.",
    "Báo cáo tổng kết", [VPS], [PCM], "15/12/2026")

# ------------------------------------------------------------------ Q6 Lai Châu, UBND tỉnh (xlsx)
q6 = Plan("lch_ubnd_2026", "xlsx", "Ủy ban nhân dân tỉnh Lai Châu", "412/KH-UBND")
P = q6
VP = "Văn phòng UBND tỉnh"
SBN = "Các sở, ban, ngành"
XA = "UBND các xã, phường"
P.S("A.I", "Kiểm soát quy định thủ tục hành chính")
P.T(1, "Kiểm soát chặt chẽ việc ban hành quy định thủ tục hành chính trong văn bản quy phạm pháp luật của HĐND, UBND tỉnh.",
    "Văn bản góp ý, báo cáo thẩm định", ["Sở Tư pháp"], [VP, SBN], "Thường xuyên")
P.T(2, "Đánh giá tác động, tính chi phí tuân thủ thủ tục hành chính trong dự thảo văn bản.",
    "Bản đánh giá tác động", [SBN], ["Sở Tư pháp"], "Theo tiến độ xây dựng văn bản")
P.S("A.II", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(3, "Ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026.",
    "Kế hoạch của UBND tỉnh", [VP], [SBN], "Tháng 3/2026")
P.T(4, "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch: - Lĩnh vực đất đai, môi trường; - Lĩnh vực đầu tư, doanh nghiệp; - Lĩnh vực người có công, bảo trợ xã hội.",
    "Báo cáo rà soát, phương án đơn giản hóa", ["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Nội vụ", "Sở Y tế"], [VP], "Truoc ngay 15/11/2026")
P.T(5, "Rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước.",
    "Quyết định phê duyệt phương án", [SBN], [VP], "Quý III")
P.T(6, "Rà soát, kiến nghị sửa đổi thủ tục hành chính có yêu cầu xác nhận của UBND cấp huyện không còn phù hợp sau khi tổ chức chính quyền địa phương hai cấp.",
    "Văn bản kiến nghị", [SBN], [VP, "Sở Tư pháp"], "Quý II/2026")
P.T(7, "Thực thi phương án đơn giản hóa thủ tục hành chính đã được Chính phủ, Thủ tướng Chính phủ thông qua.",
    "Báo cáo kết quả thực thi", [SBN], [VP], "Theo lộ trình được phê duyệt")
P.S("B.I", "Công bố, công khai và giải quyết thủ tục hành chính")
P.T(8, "Công bố danh mục thủ tục hành chính kịp thời khi có văn bản quy phạm pháp luật mới.",
    "Quyết định công bố", [SBN], [VP], "Thường xuyên", notes="Hồ sơ trình công bố gửi Văn phòng UBND tỉnh trước ít nhất 07 ngày làm việc",
    dit="trước ít nhất 07 ngày làm việc")
P.T(9, "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp xã; thay biển tên, con dấu theo tên đơn vị hành chính mới.",
    "Thủ tục được niêm yết", ["Trung tâm Phục vụ hành chính công tỉnh", XA], [VP], "Quý I/2026")
P.T(10, "Giải quyết thủ tục hành chính đúng hạn; công khai xin lỗi khi trễ hạn.",
    "Tỷ lệ hồ sơ đúng hạn trên 98%", [SBN, XA], [], "Thường xuyên")
P.T(11, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa cấp xã vùng sâu, vùng xa.",
    "Tỷ lệ số hóa trên 80%", [XA], ["Sở Khoa học và Công nghệ"], "Năm 2026")
P.S("B.II", "Thủ tục hành chính trên môi trường điện tử")
P.T(12, "Cung cấp dịch vụ công trực tuyến toàn trình; tích hợp lên Cổng Dịch vụ công quốc gia.",
    "Dịch vụ công trực tuyến toàn trình", [SBN], ["Sở Khoa học và Công nghệ"], "Trong năm 2026")
P.T(13, "Duy trì hệ thống điểm hỗ trợ dịch vụ công trực tuyến tại xã do Đoàn Thanh niên đảm nhận.",
    "Điểm hỗ trợ hoạt động", ["Tỉnh đoàn"], [XA], "Từ tháng 3 đến tháng 5")
P.T(14, "Nâng cấp Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh sau khi UBND tỉnh phê duyệt chủ trương đầu tư.",
    "Hệ thống được nâng cấp", ["Sở Khoa học và Công nghệ"], [VP, "Sở KH&ĐT"], "Quý IV")
P.T(15, "Thực hiện thanh toán trực tuyến phí, lệ phí; khuyến khích người dân thanh toán không dùng tiền mặt.",
    "Tỷ lệ thanh toán trực tuyến tăng", [SBN, XA], ["Ngân hàng Nhà nước Khu vực 6"], "6 tháng đầu năm")
P.S("B.III", "Phản ánh, kiến nghị; kiểm tra; báo cáo")
P.T(16, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức.",
    "Phản ánh được xử lý", [VP], [SBN, XA], "Thường xuyên")
P.T(17, "Kiểm tra công tác kiểm soát thủ tục hành chính tại các sở, ngành, UBND cấp xã.",
    "Thông báo kết luận kiểm tra", [VP], ["Sở Nội vụ"], "Quý II, III/2026")
P.T(18, "Báo cáo tình hình giải quyết thủ tục hành chính tháng.",
    "Báo cáo tháng", [SBN, XA], [], "Trước ngày 20 hàng tháng")
P.T(19, "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm; các đơn vị gửi báo cáo chậm nhất ngày 19 tháng cuối quý.",
    "Báo cáo định kỳ", [SBN, XA], [VP], "Hàng quý/năm", dit="chậm nhất ngày 19 tháng cuối quý")
P.T(20, "Tổng hợp báo cáo UBND tỉnh gửi Văn phòng Chính phủ: Báo cáo quý I chậm nhất ngày 22/3/2026; Báo cáo 6 tháng chậm nhất ngày 22/6/2026; Báo cáo quý III chậm nhất ngày 22/9/2026; Báo cáo năm chậm nhất ngày 22/12/2026.",
    "Báo cáo của UBND tỉnh", [VP], [], None,
    dit="chậm nhất ngày 22/3/2026; chậm nhất ngày 22/6/2026; chậm nhất ngày 22/9/2026; chậm nhất ngày 22/12/2026")
P.T(21, "Báo cáo đột xuất theo yêu cầu của Chính phủ, Thủ tướng Chính phủ.",
    "Báo cáo đột xuất", [VP], [SBN], "Theo yêu cầu của Chính phủ, Thủ tướng Chính phủ")

PLANS = [q5, q6]
