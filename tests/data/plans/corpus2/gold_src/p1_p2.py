from common import Plan

# ------------------------------------------------------------------ P1 Hà Nội, Sở Tư pháp
p1 = Plan("hn_stp_2026", "docx", "Sở Tư pháp thành phố Hà Nội", "36/KH-STP")
P = p1
P.S("I", "Kiểm soát quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật")
P.T(1, "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân Thành phố ban hành; bảo đảm chỉ quy định thủ tục hành chính thật sự cần thiết, hợp lý, hợp pháp.",
    "Báo cáo thẩm định", ["Phòng Xây dựng và kiểm tra văn bản QPPL"], ["Các sở, ngành chủ trì soạn thảo"], "Thường xuyên")
P.T(2, "Đánh giá tác động của thủ tục hành chính và tính chi phí tuân thủ đối với các dự thảo văn bản do Sở Tư pháp chủ trì soạn thảo, trong đó có dự thảo Quyết định quy định về cấp phiếu lý lịch tư pháp trên môi trường điện tử và dự thảo Quyết định sửa đổi quy trình liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi trên địa bàn Thành phố.",
    "Bản đánh giá tác động; bảng tính chi phí tuân thủ", ["Các phòng, đơn vị thuộc Sở được giao soạn thảo"], ["Văn phòng Sở"], "Theo tiến độ soạn thảo văn bản")
P.T(3, "Lấy ý kiến của Văn phòng UBND Thành phố về quy định thủ tục hành chính trong dự thảo văn bản trước khi trình.",
    "Văn bản lấy ý kiến; văn bản tiếp thu, giải trình", ["Các phòng, đơn vị thuộc Sở được giao soạn thảo"], ["VP UBND Thành phố"], "Trước khi trình ít nhất 10 ngày")
P.S("II", "Công bố, công khai và rà soát, đơn giản hóa thủ tục hành chính")
P.T(1, "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ trong lĩnh vực tư pháp thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa bàn Thành phố.",
    "Tờ trình, dự thảo Quyết định của Chủ tịch UBND Thành phố", ["Văn phòng Sở"], ["Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"], "Chậm nhất 05 ngày làm việc trước ngày văn bản có hiệu lực")
P.T(2, "Xây dựng quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính lĩnh vực tư pháp sau khi danh mục được công bố.",
    "Quyết định phê duyệt quy trình nội bộ", ["Văn phòng Sở"], ["Sở TT&TT", "Trung tâm Phục vụ hành chính công Thành phố"], "Trong thời hạn 05 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực")
P.T(3, "Rà soát, đánh giá thủ tục hành chính lĩnh vực chứng thực, nuôi con nuôi, quốc tịch theo Kế hoạch rà soát năm 2026 của UBND Thành phố.",
    "Báo cáo kết quả rà soát, phương án đơn giản hóa", ["Phòng Hành chính tư pháp"], ["Văn phòng Sở"], "Quý II/2026",
    dit="trước ngày 15/6/2026", notes="Gửi kết quả về Văn phòng Sở trước ngày 15/6/2026")
P.T(4, "Thống kê, rà soát thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước thuộc phạm vi quản lý của Sở.",
    "Danh mục TTHC nội bộ được rà soát", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Tháng 9/2026")
P.T(5, "Công khai đầy đủ, kịp thời thủ tục hành chính trên Cổng thông tin điện tử của Sở và tại Bộ phận Một cửa.",
    "Thủ tục hành chính được công khai", ["Văn phòng Sở"], ["Trung tâm Trợ giúp pháp lý Nhà nước"], "Thường xuyên")
P.S("III", "Thực hiện cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử")
P.T(1, "Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính đúng hạn; không để phát sinh hồ sơ quá hạn; thực hiện xin lỗi tổ chức, cá nhân khi hồ sơ trễ hạn.",
    "Tỷ lệ hồ sơ đúng hạn đạt trên 98%", ["Các phòng, đơn vị thuộc Sở"], ["Văn phòng Sở"], "Thường xuyên")
P.T(2, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực lý lịch tư pháp, hộ tịch; cập nhật vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
    "Tỷ lệ số hóa đạt 100%", ["Phòng Hành chính tư pháp"], ["Sở TT&TT"], "Trong năm 2026")
P.T(3, "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục cấp Phiếu lý lịch tư pháp qua ứng dụng VNeID.",
    "Thủ tục được cung cấp toàn trình", ["Văn phòng Sở"], ["Công an Thành phố"], "Quý I")
P.T(4, "Phối hợp với Công an Thành phố, Bảo hiểm xã hội Thành phố duy trì liên thông điện tử nhóm thủ tục hành chính đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi và đăng ký khai tử, xóa đăng ký thường trú, hưởng trợ cấp mai táng phí; tổng hợp khó khăn, vướng mắc của UBND các xã, phường để báo cáo UBND Thành phố.",
    "Báo cáo tình hình thực hiện liên thông", ["Phòng Hành chính tư pháp"], ["UBND các xã, phường"], "6 tháng đầu năm và cả năm")
P.T(5, "Đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp trên Hệ thống thông tin giải quyết thủ tục hành chính Thành phố.",
    "Kết quả đánh giá được công khai", ["Văn phòng Sở"], [], "Hằng tháng")
P.S("IV", "Tiếp nhận, xử lý phản ánh, kiến nghị và truyền thông về kiểm soát thủ tục hành chính")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính, thủ tục hành chính thuộc thẩm quyền của Sở.",
    "Văn bản trả lời phản ánh, kiến nghị", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Thường xuyên",
    dit="Trong thời hạn 10 ngày làm việc kể từ ngày nhận được phản ánh", notes="Trong thời hạn 10 ngày làm việc kể từ ngày nhận được phản ánh")
P.T(2, "Tuyên truyền về kiểm soát thủ tục hành chính, dịch vụ công trực tuyến lĩnh vực tư pháp trên Cổng thông tin điện tử của Sở và mạng xã hội.",
    "Tin, bài tuyên truyền", ["Phòng Phổ biến, giáo dục pháp luật"], ["Văn phòng Sở"], "Quý II, Quý IV")
P.T(3, "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức đầu mối các phòng, đơn vị thuộc Sở.",
    "01 lớp tập huấn", ["Văn phòng Sở"], ["VP UBND Thành phố"], "Tháng 5/2026")
P.S("V", "Chế độ thông tin, báo cáo")
P.T(1, "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông định kỳ hằng quý, 6 tháng, năm.",
    "Báo cáo của Sở gửi UBND Thành phố", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Hằng quý",
    dit="chậm nhất ngày 19 của tháng cuối quý", notes="Các phòng, đơn vị gửi số liệu về Văn phòng Sở chậm nhất ngày 19 của tháng cuối quý")
P.T(2, "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính và số hóa hồ sơ tháng.",
    "Báo cáo tháng", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Trước ngày 20 hằng tháng")
P.T(3, "Báo cáo đột xuất theo yêu cầu của Bộ Tư pháp, UBND Thành phố.",
    "Báo cáo đột xuất", ["Văn phòng Sở"], [], "Đột xuất theo yêu cầu")
P.T(4, "Tổng kết công tác kiểm soát thủ tục hành chính năm 2026; xây dựng Kế hoạch năm 2027.",
    "Báo cáo tổng kết; Kế hoạch năm 2027", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], "Trước ngày 15/12/2026")

# ------------------------------------------------------------------ P2 Thanh Hóa, UBND tỉnh
p2 = Plan("th_ubnd_2026", "docx", "Ủy ban nhân dân tỉnh Thanh Hóa", "21/KH-UBND", refmode="decimal")
P = p2
def D(sec, n):
    return f"{sec}.{n}"
P.S("1", "Hoàn thiện thể chế về kiểm soát thủ tục hành chính")
P.T(D(1, 1), "Ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 trên địa bàn tỉnh.",
    "Quyết định của Chủ tịch UBND tỉnh", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành cấp tỉnh"], "Tháng 02/2026")
P.T(D(1, 2), "Sửa đổi Quy chế phối hợp giữa các cơ quan trong giải quyết thủ tục hành chính liên thông sau khi sắp xếp đơn vị hành chính cấp xã, hoàn thành trước ngày 31/3/2026.",
    "Quyết định sửa đổi Quy chế", ["Văn phòng UBND tỉnh"], ["Sở Tư pháp", "Sở Nội vụ"], None,
    dit="trước ngày 31/3/2026")
P.T(D(1, 3), "Kiện toàn đội ngũ cán bộ, công chức làm đầu mối kiểm soát thủ tục hành chính tại các sở, ban, ngành và UBND cấp xã.",
    "Quyết định kiện toàn", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"], "Quý I/2026")
P.S("2", "Kiểm soát quy định và công bố, công khai thủ tục hành chính")
P.T(D(2, 1), "Cho ý kiến đối với quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật thuộc thẩm quyền ban hành của HĐND, UBND tỉnh.",
    "Văn bản góp ý", ["Văn phòng UBND tỉnh"], ["Sở Tư pháp"], "Thường xuyên")
P.T(D(2, 2), "Trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính; dự thảo Quyết định phải gửi Văn phòng UBND tỉnh kiểm soát chất lượng chậm nhất 07 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực.",
    "Quyết định công bố danh mục TTHC", ["Các sở, ban, ngành cấp tỉnh"], ["Văn phòng UBND tỉnh"], "Thường xuyên",
    dit="chậm nhất 07 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực")
P.T(D(2, 3), "Cập nhật, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Thủ tục hành chính được công khai đúng hạn", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành cấp tỉnh"], "Trong thời hạn 03 ngày làm việc kể từ ngày Quyết định công bố được ký")
P.T(D(2, 4), "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp xã.",
    "Thủ tục hành chính được niêm yết", ["Trung tâm Phục vụ hành chính công tỉnh"], ["UBND các xã, phường"], "Thường xuyên")
P.S("3", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(D(3, 1), "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026; đề xuất phương án đơn giản hóa, gửi Văn phòng UBND tỉnh trước ngày 30/8/2026.",
    "Báo cáo kết quả rà soát", ["Các sở, ban, ngành cấp tỉnh"], ["Văn phòng UBND tỉnh"], None,
    dit="trước ngày 30/8/2026")
P.T(D(3, 2), "Tổng hợp, trình Chủ tịch UBND tỉnh phê duyệt phương án đơn giản hóa thủ tục hành chính.",
    "Quyết định phê duyệt phương án", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành cấp tỉnh"], "Quý IV/2026")
P.T(D(3, 3), "Rà soát, cắt giảm thành phần hồ sơ đối với các thủ tục hành chính đã được khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư theo Đề án 06.",
    "Danh mục thành phần hồ sơ được cắt giảm", ["Công an tỉnh"], ["Văn phòng UBND tỉnh", "Sở KH&CN"], "Quý III/2026")
P.S("4", "Thực hiện cơ chế một cửa, một cửa liên thông; thủ tục hành chính trên môi trường điện tử")
P.T(D(4, 1), "Vận hành Trung tâm Phục vụ hành chính công tỉnh và các chi nhánh theo mô hình phi địa giới hành chính.",
    "Trung tâm và các chi nhánh hoạt động ổn định", ["Trung tâm Phục vụ hành chính công tỉnh"], ["Các sở, ban, ngành cấp tỉnh"], "Thường xuyên")
P.T(D(4, 2), "Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện.",
    "Danh mục DVCTT toàn trình", ["Sở KH&CN"], ["Các sở, ban, ngành cấp tỉnh", "Văn phòng UBND tỉnh"], "Quý II/2026")
P.T(D(4, 3), "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận; tái sử dụng dữ liệu đã số hóa.",
    "Tỷ lệ số hóa đạt 100%", ["Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")
P.T(D(4, 4), "Thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính; phấn đấu tỷ lệ thanh toán trực tuyến đạt trên 60% trước ngày 30/11/2026.",
    "Báo cáo kết quả thanh toán trực tuyến", ["Sở Tài chính"], ["Kho bạc Nhà nước khu vực IX", "Các sở, ban, ngành cấp tỉnh"], None,
    dit="trước ngày 30/11/2026")
P.S("5", "Phản ánh, kiến nghị; kiểm tra; truyền thông")
P.T(D(5, 1), "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính trên Hệ thống tiếp nhận của tỉnh.",
    "Phản ánh, kiến nghị được xử lý đúng hạn", ["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"], "Thường xuyên")
P.T(D(5, 2), "Kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa tại một số sở, ngành và UBND cấp xã.",
    "Thông báo kết quả kiểm tra", ["Văn phòng UBND tỉnh"], ["Sở Nội vụ"], "Quý II, III/2026")
P.T(D(5, 3), "Tuyên truyền về cải cách, kiểm soát thủ tục hành chính trên Báo và Phát thanh, Truyền hình Thanh Hóa.",
    "Chuyên mục, tin bài", ["Báo và Phát thanh, Truyền hình Thanh Hóa"], ["Văn phòng UBND tỉnh"], "Hằng quý")
P.S("6", "Thông tin, báo cáo")
P.T(D(6, 1), "Báo cáo tình hình, kết quả kiểm soát thủ tục hành chính hằng quý gửi Văn phòng UBND tỉnh chậm nhất ngày 19 của tháng cuối quý.",
    "Báo cáo quý", ["Các sở, ban, ngành cấp tỉnh", "UBND các xã, phường"], ["Văn phòng UBND tỉnh"], None,
    dit="chậm nhất ngày 19 của tháng cuối quý")
P.T(D(6, 2), "Tổng hợp, báo cáo Văn phòng Chính phủ tình hình, kết quả kiểm soát thủ tục hành chính của tỉnh.",
    "Báo cáo của UBND tỉnh", ["Văn phòng UBND tỉnh"], [], "Quý I trước ngày 22/3/2026; Quý II trước ngày 22/6/2026; Quý III trước ngày 22/9/2026; Năm trước ngày 22/12/2026")

PLANS = [p1, p2]
