"""Task lists of the two .xlsx plans of corpus4, typed by hand (gold first)."""
from common import Plan

# ------------------------------------------------------------------ D. Đồng Tháp, Sở NN&MT (xlsx)
# One sheet per part ("Phần I", "Phần II", "Phần III"), each with its own merged title block
# (the part title is a merged row "Phần I. <title>"), a frozen header row and a notes column;
# numbers restart on each sheet (ref "II.3"); I.3's deadline is a real date (dd/mm/yyyy).
dt_ = Plan("dt_snnmt_2026", "xlsx", "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp", "36/KH-SNNMT")
P = dt_
VPS = "Văn phòng Sở"
PCD = "Các phòng, chi cục, đơn vị thuộc Sở"
VPDK = "Văn phòng Đăng ký đất đai"
TTPV = "Trung tâm Phục vụ hành chính công tỉnh"

P.S("I", "Kiểm soát việc ban hành, công bố, công khai thủ tục hành chính")
P.T(1, "Tham gia ý kiến, đánh giá tác động đối với quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật thuộc lĩnh vực nông nghiệp, môi trường do Sở chủ trì soạn thảo.",
    "Bản đánh giá tác động thủ tục hành chính", [PCD], [VPS], "Thường xuyên")
P.T(2, "Xây dựng dự thảo Quyết định công bố thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ trong lĩnh vực nông nghiệp, môi trường, trình Chủ tịch UBND tỉnh.",
    "Quyết định công bố", [VPS], [PCD], "Khi có văn bản quy phạm pháp luật mới",
    notes="Gửi Văn phòng UBND tỉnh trước ít nhất 10 ngày làm việc tính đến ngày văn bản có hiệu lực",
    dit="trước ít nhất 10 ngày làm việc tính đến ngày văn bản có hiệu lực")
P.T(3, "Hợp nhất danh mục thủ tục hành chính lĩnh vực đất đai, môi trường của tỉnh Đồng Tháp và tỉnh Tiền Giang (cũ); đề nghị bãi bỏ các quyết định công bố đã hết hiệu lực.",
    "Danh mục thủ tục hành chính thống nhất toàn tỉnh", ["Phòng Quản lý đất đai"], [VPS, VPDK], "31/03/2026")
P.T(4, "Xây dựng, trình phê duyệt quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính thuộc phạm vi quản lý của Sở.",
    "Quyết định phê duyệt quy trình nội bộ", [VPS], [TTPV], "Trong 05 ngày làm việc sau khi có Quyết định công bố")
P.T(5, "Công khai thủ tục hành chính trên Trang thông tin điện tử của Sở và tại Trung tâm Phục vụ hành chính công tỉnh.",
    "Thủ tục hành chính được công khai", [VPS], [TTPV], "Thường xuyên")
P.T(6, "Rà soát, đánh giá thủ tục hành chính lĩnh vực thủy lợi, thủy sản theo Kế hoạch rà soát của UBND tỉnh.",
    "Báo cáo rà soát; phương án đơn giản hóa", ["Chi cục Thủy lợi", "Chi cục Thủy sản"], [VPS], "Quý II/2026",
    notes="Gửi Văn phòng Sở tổng hợp trước ngày 10/6/2026", dit="trước ngày 10/6/2026")

P.S("II", "Giải quyết thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông")
P.T(1, "Giải quyết hồ sơ đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất bảo đảm đúng hạn; xử lý dứt điểm hồ sơ tồn đọng tại các Chi nhánh Văn phòng Đăng ký đất đai các huyện (cũ).",
    "Tỷ lệ hồ sơ đúng hạn trên 95%", [VPDK], ["Phòng Quản lý đất đai", "UBND các xã, phường"], "Thường xuyên",
    notes="Báo cáo số hồ sơ tồn đọng trước ngày 05 hằng tháng", dit="trước ngày 05 hằng tháng")
P.T(2, "Cử công chức, viên chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh; kịp thời thay thế khi có biến động nhân sự.",
    "Quyết định cử công chức", [VPS], [], "Thường xuyên")
P.T(3, "Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; số hóa hồ sơ địa chính đang lưu trữ.",
    "Tỷ lệ số hóa hồ sơ đạt 100%", [VPDK], ["Sở Khoa học và Công nghệ"], "Năm 2026")
P.T(4, "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính đủ điều kiện; tích hợp thanh toán trực tuyến.",
    "Danh sách dịch vụ công trực tuyến toàn trình", [VPS], ["Sở Khoa học và Công nghệ", TTPV], "Tháng 9/2026")
P.T(5, "Liên thông thủ tục hành chính về đất đai với cơ quan thuế; chia sẻ dữ liệu đất đai với Cơ sở dữ liệu quốc gia về dân cư.",
    "Hồ sơ liên thông được giải quyết đúng hạn", [VPDK], ["Thuế tỉnh Đồng Tháp", "Công an tỉnh"], "Thường xuyên")
P.T(6, "Đo lường sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục hành chính lĩnh vực nông nghiệp, môi trường.",
    "Báo cáo kết quả đo lường", [VPS], [TTPV], "Quý IV/2026")
P.T(7, "Giải quyết hồ sơ cấp giấy phép môi trường, đăng ký môi trường theo thẩm quyền; không yêu cầu thêm giấy tờ ngoài quy định.",
    "Giấy phép được cấp đúng hạn", ["Phòng Môi trường"], ["Chi cục Bảo vệ môi trường"], "Thường xuyên",
    notes="Chi cục Bảo vệ môi trường (cũ) nay thuộc Phòng Môi trường")

P.S("III", "Phản ánh, kiến nghị; kiểm tra; thông tin, báo cáo")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính thuộc lĩnh vực quản lý của Sở.",
    "Phản ánh, kiến nghị được xử lý", [VPS], [PCD], "Thường xuyên")
P.T(2, "Kiểm tra việc thực hiện thủ tục hành chính tại các chi cục và Văn phòng Đăng ký đất đai.",
    "Báo cáo kết quả kiểm tra", [VPS], ["Thanh tra Sở"], "Quý III/2026")
P.T(3, "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính gửi Văn phòng UBND tỉnh.",
    "Báo cáo quý, năm", [VPS], [PCD], "Hằng quý, trước ngày 15 của tháng cuối quý",
    notes="Các đơn vị gửi số liệu về Văn phòng Sở trước ngày 10 tháng cuối quý",
    dit="trước ngày 10 tháng cuối quý")
P.T(4, "Báo cáo kết quả thực hiện Đề án 06 và chuyển đổi số trong giải quyết thủ tục hành chính.",
    "Báo cáo tháng", [VPS], [VPDK], "Trước ngày 20 hằng tháng")
P.T(5, "Tuyên truyền thủ tục hành chính lĩnh vực đất đai, môi trường; tập huấn nghiệp vụ cho công chức cấp xã.",
    "Tin bài; hội nghị tập huấn", [VPS], ["Phòng Quản lý đất đai", "Sở Thông tin và Truyền thông"], "6 tháng cuối năm")


# ------------------------------------------------------------------ E. Hải Phòng, VP UBND thành phố (xlsx)
# One sheet; title block; TWO header rows ("Cơ quan thực hiện" merged over "Chủ trì | Phối hợp",
# the other header cells merged down) and a visible column-number row; section rows I..V with
# the title merged across; numbers restart; task II.2 has a) and b) results with their own
# units and deadlines: STT and content merged over the two rows (II.2b content inferred);
# deadlines of I.1 and III.1 are real dates (formats dd/mm/yyyy and d/m/yyyy); notes column.
hp = Plan("hp_vpubnd_2026", "xlsx", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "14/KH-VP")
P = hp
KS = "Phòng Kiểm soát thủ tục hành chính"
SBN = "Các sở, ban, ngành thành phố"
XA = "UBND các xã, phường, đặc khu"
TT = "Trung tâm Phục vụ hành chính công thành phố"

P.S("I", "Ban hành văn bản chỉ đạo, điều hành")
P.T(1, "Tham mưu UBND thành phố ban hành Kế hoạch kiểm soát thủ tục hành chính, Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 trên địa bàn thành phố.",
    "Kế hoạch của UBND thành phố", [KS], [SBN], "31/01/2026")
P.T(2, "Tham mưu kiện toàn đội ngũ công chức đầu mối thực hiện nhiệm vụ kiểm soát thủ tục hành chính sau khi hợp nhất thành phố Hải Phòng và tỉnh Hải Dương.",
    "Quyết định kiện toàn", [KS], ["Phòng Hành chính - Tổ chức"], "Quý I/2026")
P.T(3, "Tham mưu bãi bỏ các văn bản chỉ đạo về kiểm soát thủ tục hành chính của UBND tỉnh Hải Dương (cũ) và UBND các quận, huyện không còn phù hợp.",
    "Quyết định bãi bỏ", [KS], ["Sở Tư pháp"], "Quý II/2026")

P.S("II", "Kiểm soát chất lượng công bố, công khai thủ tục hành chính")
P.T(1, "Kiểm soát chất lượng dự thảo Quyết định công bố danh mục thủ tục hành chính do các sở, ngành trình; trình Chủ tịch UBND thành phố ký ban hành trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
    "Quyết định công bố của Chủ tịch UBND thành phố", [KS], [SBN], "Thường xuyên",
    dit="trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ")
C22 = "Công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính và Cổng Dịch vụ công thành phố."
P.T("2a", C22, "a) Nhập, đăng tải thủ tục hành chính đã được công bố lên Cơ sở dữ liệu quốc gia về thủ tục hành chính",
    [KS], [SBN], "Trong 03 ngày làm việc sau khi Quyết định công bố được ký")
P.T("2b", C22, "b) Đồng bộ, công khai thủ tục hành chính trên Cổng Dịch vụ công thành phố",
    ["Trung tâm Thông tin - Công báo"], [KS, "Sở Thông tin và Truyền thông"], "Thường xuyên", inf=["content"])
P.T(3, "Đôn đốc các sở, ngành, UBND các xã, phường, đặc khu công khai thủ tục hành chính bằng mã QR tại nơi tiếp nhận hồ sơ.",
    "Văn bản đôn đốc", [KS], [XA], "Tháng 3/2026")

P.S("III", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(1, "Tổng hợp, thẩm tra phương án đơn giản hóa thủ tục hành chính của các sở, ngành; trình Chủ tịch UBND thành phố phê duyệt.",
    "Quyết định phê duyệt phương án đơn giản hóa", [KS], [SBN], "15/9/2026")
P.T(2, "Rà soát, chuẩn hóa thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước thuộc thành phố.",
    "Quyết định công bố thủ tục hành chính nội bộ", [KS], [SBN, XA], "Quý III/2026")

P.S("IV", "Thực hiện cơ chế một cửa, một cửa liên thông, thủ tục hành chính trên môi trường điện tử")
P.T(1, "Vận hành Trung tâm Phục vụ hành chính công thành phố và các chi nhánh tại khu vực Hải Dương (cũ); tiếp nhận hồ sơ không phụ thuộc địa giới hành chính.",
    "Hồ sơ được tiếp nhận, giải quyết đúng quy định", [TT], [SBN], "Thường xuyên",
    notes="Áp dụng cả tại đặc khu Cát Hải, đặc khu Bạch Long Vĩ")
P.T(2, "Theo dõi, đôn đốc xử lý hồ sơ trễ hạn trên Hệ thống thông tin giải quyết thủ tục hành chính thành phố; công khai danh sách cơ quan có hồ sơ trễ hạn.",
    "Thông báo hằng tháng", [TT], [KS], "Ngày 05 hằng tháng")
P.T(3, "Đánh giá chất lượng phục vụ người dân, doanh nghiệp theo Bộ chỉ số; tổng hợp kết quả đánh giá của các sở, ngành, UBND các xã, phường, đặc khu.",
    "Báo cáo đánh giá", [KS], [TT], "Quý II và Quý IV/2026")
P.T(4, "Thực hiện số hóa và tái sử dụng kết quả số hóa hồ sơ thủ tục hành chính; phối hợp kết nối Kho dữ liệu điện tử của tổ chức, cá nhân.",
    "Tỷ lệ tái sử dụng dữ liệu đạt trên 50%", [TT], ["Sở Khoa học và Công nghệ"], "Năm 2026")

P.S("V", "Phản ánh, kiến nghị; kiểm tra; thông tin, báo cáo")
P.T(1, "Tiếp nhận, phân loại, chuyển xử lý phản ánh, kiến nghị của người dân, doanh nghiệp trên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị; đôn đốc trả lời đúng hạn.",
    "Phản ánh, kiến nghị được xử lý", [KS], [SBN, XA], "Thường xuyên")
P.T(2, "Kiểm tra công tác kiểm soát thủ tục hành chính tại một số sở, ngành và UBND xã, phường, đặc khu.",
    "Thông báo kết luận kiểm tra", [KS], ["Sở Nội vụ", "Sở Tư pháp"], "Quý II, Quý III/2026")
P.T(3, "Tổng hợp báo cáo kiểm soát thủ tục hành chính của thành phố gửi Văn phòng Chính phủ; các sở, ngành, UBND cấp xã gửi báo cáo về Văn phòng UBND thành phố chậm nhất ngày 18 của tháng cuối quý.",
    "Báo cáo của UBND thành phố", [KS], [], "Trước ngày 22 tháng cuối quý",
    dit="chậm nhất ngày 18 của tháng cuối quý")
P.T(4, "Báo cáo tình hình thực hiện thủ tục hành chính trên môi trường điện tử.",
    "Báo cáo tháng", [TT], [], "Trước ngày 25 hằng tháng")
P.T(5, "Tổ chức Hội nghị tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức đầu mối các sở, ngành, xã, phường, đặc khu.",
    "Hội nghị tập huấn", [KS], [TT], "Quý II/2026", notes="Kinh phí từ nguồn chi thường xuyên của Văn phòng")

PLANS = [dt_, hp]
