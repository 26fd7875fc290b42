from common import Plan

# ------------------------------------------------------------------ P3 Nghệ An, Sở KH&CN
p3 = Plan("na_skhcn_2026", "docx", "Sở Khoa học và Công nghệ tỉnh Nghệ An", "52/KH-SKHCN")
P = p3
P.S("A", "Kiểm soát việc ban hành và công bố, công khai thủ tục hành chính")
P.T(1, "Đánh giá tác động thủ tục hành chính trong các dự thảo văn bản quy phạm pháp luật do Sở chủ trì soạn thảo.",
    "Bản đánh giá tác động TTHC", ["Các phòng, đơn vị được giao soạn thảo"], ["Văn phòng Sở"], "Theo tiến độ soạn thảo")
P.T(2, "Tham mưu Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ, bưu chính, viễn thông, tần số vô tuyến điện sau khi tiếp nhận chức năng từ Sở Thông tin và Truyền thông.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", ["Văn phòng Sở"], ["Phòng Bưu chính, Viễn thông và Chuyển đổi số", "Phòng Quản lý khoa học"], "Quý I/2026")
P.T(3, "Xây dựng, trình phê duyệt quy trình nội bộ giải quyết thủ tục hành chính thuộc thẩm quyền của Sở.",
    "Quyết định phê duyệt quy trình nội bộ", ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Chậm nhất 10 ngày kể từ ngày có Quyết định công bố")
P.T(4, "Công khai thủ tục hành chính, mẫu đơn, tờ khai trên Trang thông tin điện tử của Sở.",
    "Thủ tục hành chính được công khai", ["Văn phòng Sở"], [], "Thường xuyên")
P.S("B", "Rà soát, đơn giản hóa thủ tục hành chính và cắt giảm điều kiện kinh doanh")
P.T(1, "Rà soát, đánh giá các thủ tục hành chính lĩnh vực hoạt động khoa học và công nghệ, sở hữu trí tuệ theo Kế hoạch của UBND tỉnh.",
    "Báo cáo rà soát gửi Văn phòng UBND tỉnh", ["Phòng Quản lý khoa học"], ["Văn phòng Sở", "Phòng Quản lý công nghệ và Sở hữu trí tuệ"], "Quý II")
P.T(2, "Rà soát quy định về điều kiện kinh doanh lĩnh vực bưu chính, viễn thông; đề xuất cắt giảm, đơn giản hóa.",
    "Phương án cắt giảm điều kiện kinh doanh", ["Phòng Bưu chính, Viễn thông và Chuyển đổi số"], ["Văn phòng Sở"], "Quý III")
P.T(3, "Thống kê, rà soát thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước thuộc phạm vi quản lý của Sở.",
    "Danh mục TTHC nội bộ", ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Tháng 6/2026")
P.S("C", "Cơ chế một cửa, một cửa liên thông và chuyển đổi số trong giải quyết thủ tục hành chính")
P.T(1, "Tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh bảo đảm đúng quy trình, đúng hạn.",
    "Hồ sơ được giải quyết đúng hạn", ["Các phòng chuyên môn"], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")
P.T(2, "Bảo đảm hạ tầng kỹ thuật, an toàn thông tin của Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Hệ thống vận hành ổn định, an toàn", ["Trung tâm Công nghệ thông tin và Truyền thông"], ["Phòng Bưu chính, Viễn thông và Chuyển đổi số", "Văn phòng UBND tỉnh"], "Thường xuyên")
P.T(3, "Nâng cấp, tích hợp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Cổng Dịch vụ công quốc gia, Cơ sở dữ liệu quốc gia về dân cư.",
    "Hệ thống được nâng cấp, tích hợp", ["Trung tâm Công nghệ thông tin và Truyền thông"], ["Công an tỉnh", "Văn phòng UBND tỉnh"], "Quý II/2026")
P.T(4, "Hướng dẫn, hỗ trợ các sở, ngành, UBND cấp xã tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình.",
    "Văn bản hướng dẫn", ["Phòng Bưu chính, Viễn thông và Chuyển đổi số"], ["Các sở, ban, ngành", "UBND cấp xã"], "Quý I, Quý II")
P.T(5, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính thuộc thẩm quyền của Sở.",
    "Tỷ lệ số hóa đạt 100%", ["Các phòng chuyên môn"], ["Văn phòng Sở"], "Hằng tháng")
P.S("D", "Phản ánh, kiến nghị; truyền thông; báo cáo")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính thuộc phạm vi quản lý của Sở.",
    "Phản ánh, kiến nghị được xử lý", ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Thường xuyên")
P.T(2, "Truyền thông về dịch vụ công trực tuyến, thanh toán trực tuyến, ứng dụng VNeID.",
    "Tin, bài, video", ["Phòng Bưu chính, Viễn thông và Chuyển đổi số"], ["Báo và Phát thanh, Truyền hình Nghệ An"], "6 tháng cuối năm")
P.T(3, "Báo cáo kết quả kiểm soát thủ tục hành chính quý gửi UBND tỉnh (qua Văn phòng UBND tỉnh).",
    "Báo cáo quý", ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Trước ngày 18 tháng cuối quý")
P.T(4, "Báo cáo tình hình giải quyết thủ tục hành chính và số hóa hồ sơ hằng tháng.",
    "Báo cáo tháng", ["Văn phòng Sở"], [], "Ngày 18 hằng tháng")
P.T(5, "Báo cáo kết quả thực hiện Kế hoạch năm 2026.",
    "Báo cáo năm", ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Trước ngày 10/12/2026")

# ------------------------------------------------------------------ P4 Huế, Văn phòng UBND thành phố
p4 = Plan("hue_vpubnd_2026", "docx", "Văn phòng Ủy ban nhân dân thành phố Huế", "14/KH-VP")
P = p4
P.S("I", "Công tác chỉ đạo, điều hành")
P.T(1, "Tham mưu UBND thành phố ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026.",
    "Kế hoạch của UBND thành phố", ["Phòng Kiểm soát thủ tục hành chính"], ["Các sở, ban, ngành thành phố"], "Tháng 01/2026")
P.T(2, "Tham mưu văn bản chỉ đạo, đôn đốc các cơ quan, đơn vị thực hiện nhiệm vụ kiểm soát thủ tục hành chính.",
    "Văn bản chỉ đạo, đôn đốc", ["Phòng Kiểm soát thủ tục hành chính"], [], "Thường xuyên")
P.T(3, "Các cơ quan, đơn vị xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2026 của cơ quan, đơn vị mình.",
    "Kế hoạch của cơ quan, đơn vị", ["Các sở, ban, ngành thành phố", "UBND các phường, xã"], [], "Trước ngày 15/02/2026", inf=["lead"])
P.S("II", "Kiểm soát quy định, công bố, công khai thủ tục hành chính")
P.T(1, "Kiểm soát chất lượng dự thảo Quyết định công bố danh mục thủ tục hành chính của các sở, ngành.",
    "Ý kiến kiểm soát chất lượng", ["Phòng Kiểm soát thủ tục hành chính"], ["Các sở, ban, ngành thành phố"], "Thường xuyên")
P.T(2, "Nhập, đăng tải, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
    "Dữ liệu TTHC được cập nhật", ["Phòng Kiểm soát thủ tục hành chính"], [], "Chậm nhất 05 ngày làm việc kể từ ngày ký Quyết định công bố")
P.T(3, "Công khai thủ tục hành chính bằng mã QR tại Trung tâm Phục vụ hành chính công và Bộ phận Một cửa cấp xã.",
    "Thủ tục hành chính được công khai bằng mã QR", ["Trung tâm Phục vụ hành chính công thành phố"], ["UBND các phường, xã"], "Quý II")
P.S("III", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(1, "Tổ chức rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026.",
    "Báo cáo rà soát của các cơ quan", ["Các sở, ban, ngành thành phố"], ["Phòng Kiểm soát thủ tục hành chính"], "Tháng 8/2026")
P.T(2, "Tổng hợp phương án đơn giản hóa, trình Chủ tịch UBND thành phố thông qua.",
    "Quyết định thông qua phương án", ["Phòng Kiểm soát thủ tục hành chính"], ["Sở Tư pháp"], "Tháng 10/2026")
P.T(3, "Rà soát, đề xuất phân cấp, ủy quyền giải quyết thủ tục hành chính cho UBND cấp xã sau sắp xếp chính quyền địa phương hai cấp.",
    "Văn bản đề xuất phân cấp, ủy quyền", ["Các sở, ban, ngành thành phố", "UBND các phường, xã"], [], "Quý III", inf=["lead"])
P.S("IV", "Cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử")
P.T(1, "Theo dõi, đôn đốc việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính thành phố; cảnh báo hồ sơ sắp đến hạn, quá hạn.",
    "Thông báo hồ sơ quá hạn", ["Trung tâm Phục vụ hành chính công thành phố"], ["Phòng Kiểm soát thủ tục hành chính"], "Hằng tuần")
P.T(2, "Công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ.",
    "Kết quả đánh giá được công khai", ["Phòng Kiểm soát thủ tục hành chính"], ["Sở KH&CN"], "Hằng quý")
P.T(3, "Thực hiện tiếp nhận hồ sơ thủ tục hành chính không phụ thuộc địa giới hành chính trong phạm vi thành phố.",
    "Danh mục TTHC không phụ thuộc địa giới", ["Trung tâm Phục vụ hành chính công thành phố"], ["Các sở, ban, ngành thành phố", "UBND các phường, xã"], "Quý I/2026")
P.T(4, "Triển khai Bộ phận Một cửa điện tử tại UBND các phường, xã; bảo đảm 100% hồ sơ được tiếp nhận, cập nhật trên Hệ thống.",
    "Hồ sơ được cập nhật 100%", ["Các sở, ban, ngành thành phố", "UBND các phường, xã"], [], "Thường xuyên", inf=["lead"])
P.S("V", "Phản ánh, kiến nghị; kiểm tra; thông tin báo cáo")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp qua ứng dụng Hue-S và Hệ thống phản ánh, kiến nghị quốc gia.",
    "Phản ánh, kiến nghị được xử lý", ["Phòng Kiểm soát thủ tục hành chính"], ["Trung tâm Giám sát, điều hành đô thị thông minh"], "Thường xuyên")
P.T(2, "Kiểm tra việc thực hiện kiểm soát thủ tục hành chính tại 05 sở, ngành và 10 UBND phường, xã.",
    "Báo cáo kết quả kiểm tra", ["Phòng Kiểm soát thủ tục hành chính"], ["Sở Nội vụ"], "Quý III, Quý IV")
P.T(3, "Các cơ quan, đơn vị báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính hằng quý (số liệu từ ngày 15 tháng trước kỳ báo cáo đến ngày 14 tháng cuối quý), gửi Văn phòng UBND thành phố chậm nhất ngày 19 của tháng cuối quý.",
    "Báo cáo quý", ["Các sở, ban, ngành thành phố", "UBND các phường, xã"], [], "Hằng quý",
    dit="chậm nhất ngày 19 của tháng cuối quý", inf=["lead"])
P.T(4, "Tổng hợp báo cáo tình hình, kết quả giải quyết thủ tục hành chính tháng của thành phố trên Hệ thống báo cáo Chính phủ.",
    "Báo cáo tháng", ["Phòng Kiểm soát thủ tục hành chính"], [], "Trước ngày 25 hằng tháng")
P.T(5, "Báo cáo UBND thành phố tổng kết công tác kiểm soát thủ tục hành chính năm 2026.",
    "Báo cáo năm", ["Phòng Kiểm soát thủ tục hành chính"], ["Các sở, ban, ngành thành phố"], "Quý IV/2026 hoặc đột xuất")

PLANS = [p3, p4]
