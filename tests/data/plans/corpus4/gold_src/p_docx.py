"""Task lists of the three .docx plans of corpus4, typed by hand (gold first)."""
from common import Plan

# ------------------------------------------------------------------ A. Quảng Ninh, UBND tỉnh
# Landscape; the STT column is Word automatic numbering (level 0 = I, II, ... on section rows,
# level 1 = 1, 2, ... on task rows, restarting under each section).  II.3x is a row with no
# number and its own units and deadline; its "Sản phẩm" cell is the vMerge continuation of II.3's.
qni = Plan("qni_ubnd_2026", "docx", "Ủy ban nhân dân tỉnh Quảng Ninh", "18/KH-UBND")
P = qni
SBN = "Các sở, ban, ngành tỉnh"
XA = "UBND các xã, phường, đặc khu"
VP = "Văn phòng UBND tỉnh"
TTPV = "Trung tâm Phục vụ hành chính công tỉnh"
KHCN = "Sở Khoa học và Công nghệ"

P.S("I", "Kiểm soát quy định thủ tục hành chính")
P.T(1, "Đánh giá tác động đối với quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành; tính toán chi phí tuân thủ theo biểu mẫu của Văn phòng Chính phủ.",
    "Bản đánh giá tác động, bảng tính chi phí tuân thủ gửi kèm hồ sơ thẩm định", [SBN], [VP], "Thường xuyên")
P.T(2, "Thẩm định, có ý kiến đối với quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật thuộc thẩm quyền ban hành của HĐND, UBND tỉnh.",
    "Báo cáo thẩm định; văn bản góp ý", ["Sở Tư pháp"], [VP, SBN], "Theo tiến độ soạn thảo văn bản")
P.T(3, "Rà soát các văn bản quy phạm pháp luật của tỉnh có quy định thủ tục hành chính không còn phù hợp sau khi sắp xếp đơn vị hành chính cấp xã, không tổ chức cấp huyện; đề xuất sửa đổi, bổ sung, bãi bỏ.",
    "Báo cáo rà soát kèm danh mục văn bản đề xuất xử lý", ["Sở Tư pháp"], [SBN, XA], "Trước 30/6/2026")

P.S("II", "Công bố, công khai thủ tục hành chính")
P.T(1, "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, thay thế, bãi bỏ thuộc phạm vi quản lý; trình Chủ tịch UBND tỉnh công bố chậm nhất trước 10 ngày làm việc tính đến ngày văn bản quy phạm pháp luật có quy định thủ tục hành chính có hiệu lực thi hành.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", [SBN], [VP], "Thường xuyên",
    dit="chậm nhất trước 10 ngày làm việc tính đến ngày văn bản quy phạm pháp luật có quy định thủ tục hành chính có hiệu lực thi hành")
P.T(2, "Kiểm soát chất lượng hồ sơ trình công bố; nhập, đăng tải dữ liệu thủ tục hành chính lên Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
    "Thủ tục hành chính được công khai trên Cơ sở dữ liệu quốc gia", [VP], [SBN], "Thường xuyên")
P.T(3, "Xây dựng, phê duyệt quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính; cấu hình quy trình điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Quyết định phê duyệt quy trình nội bộ; quy trình điện tử được cấu hình", [SBN], [VP, KHCN],
    "Chậm nhất 05 ngày làm việc sau khi có Quyết định công bố")
P.T("3x", "Cập nhật quy trình điện tử của các thủ tục hành chính liên thông giữa cấp tỉnh và cấp xã trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Quyết định phê duyệt quy trình nội bộ; quy trình điện tử được cấu hình", [KHCN], [SBN, XA], "Thường xuyên",
    inf=["result"])
P.T(4, "Công khai thủ tục hành chính bằng mã QR tại Trung tâm Phục vụ hành chính công tỉnh và các điểm tiếp nhận hồ sơ cấp xã; thay thế ngay các thủ tục đã hết hiệu lực.",
    "Danh mục thủ tục hành chính được niêm yết đầy đủ, chính xác", [TTPV, XA], [VP], "Thường xuyên")

P.S("III", "Rà soát, đơn giản hóa thủ tục hành chính")
P.T(1, "Xây dựng, trình Chủ tịch UBND tỉnh ban hành Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026.",
    "Kế hoạch rà soát của UBND tỉnh", [VP], [SBN], "Tháng 02/2026")
P.T(2, "Thực hiện rà soát, đánh giá thủ tục hành chính theo Kế hoạch; đề xuất phương án cắt giảm tối thiểu 20% thời gian giải quyết và 20% chi phí tuân thủ thủ tục hành chính liên quan đến hoạt động kinh doanh.",
    "Báo cáo kết quả rà soát, phương án đơn giản hóa", [SBN], [VP], "Quý III/2026")
P.T(3, "Tổng hợp, trình Chủ tịch UBND tỉnh phê duyệt phương án đơn giản hóa thủ tục hành chính thuộc thẩm quyền của tỉnh; kiến nghị các bộ, ngành sửa đổi quy định thuộc thẩm quyền của Trung ương.",
    "Quyết định phê duyệt phương án; văn bản kiến nghị", [VP], [SBN], "Quý IV/2026")

P.S("IV", "Thực hiện cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử")
P.T(1, "Tiếp nhận, giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh đối với các thủ tục đủ điều kiện; công bố danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính.",
    "Quyết định công bố danh mục; hồ sơ được tiếp nhận tại bất kỳ điểm tiếp nhận nào trong tỉnh", [TTPV], [SBN, XA], "6 tháng đầu năm 2026")
P.T(2, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận; khai thác, tái sử dụng dữ liệu đã được số hóa, không yêu cầu người dân nộp lại giấy tờ đã có trong cơ sở dữ liệu.",
    "100% hồ sơ được số hóa; tỷ lệ tái sử dụng dữ liệu tối thiểu 60%", [TTPV, XA], [KHCN], "Thường xuyên")
P.T(3, "Bảo đảm Hệ thống thông tin giải quyết thủ tục hành chính tỉnh kết nối, đồng bộ với Cổng Dịch vụ công quốc gia; khắc phục lỗi đồng bộ trạng thái hồ sơ.",
    "Hệ thống vận hành thông suốt", [KHCN], [VP, "Công an tỉnh"], "Thường xuyên")
P.T(4, "Đẩy mạnh thanh toán trực tuyến phí, lệ phí; cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện.",
    "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 80%", [SBN, XA], ["Sở Tài chính", "Kho bạc Nhà nước Quảng Ninh"], "Năm 2026")
P.T(5, "Đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp; công khai kết quả đánh giá trên Cổng Dịch vụ công của tỉnh.",
    "Kết quả đánh giá được công khai", [VP], [SBN, XA], "Hằng quý (theo Kế hoạch số 125/KH-UBND ngày 10/01/2026 của UBND tỉnh)")

P.S("V", "Tiếp nhận, xử lý phản ánh, kiến nghị; kiểm tra; thông tin, báo cáo")
P.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính trên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị; chuyển phản ánh đến cơ quan có thẩm quyền trong thời hạn 03 ngày làm việc.",
    "Phản ánh, kiến nghị được xử lý đúng hạn", [VP], [SBN, XA], "Thường xuyên",
    dit="trong thời hạn 03 ngày làm việc")
P.T(2, "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử gửi Văn phòng UBND tỉnh.",
    "Báo cáo quý, năm", [SBN, XA], [], "Hằng quý (trước ngày 15 tháng cuối quý)")
P.T(3, "Tổng hợp, báo cáo Văn phòng Chính phủ kết quả kiểm soát thủ tục hành chính của tỉnh trên Hệ thống quản lý và đánh giá về kiểm soát thủ tục hành chính.",
    "Báo cáo của UBND tỉnh", [VP], [], "Ngày 22 tháng cuối quý")
P.T(4, "Kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông tại một số sở, ngành và UBND cấp xã.",
    "Thông báo kết quả kiểm tra", [VP], ["Sở Nội vụ", "Sở Tư pháp"], "Quý II, III/2026")

P.S("VI", "Truyền thông, tập huấn")
P.T(1, "Tuyên truyền về kiểm soát thủ tục hành chính, dịch vụ công trực tuyến trên Báo và Phát thanh, Truyền hình Quảng Ninh, Cổng thông tin điện tử tỉnh và mạng xã hội.",
    "Tin, bài, phóng sự", ["Báo và Phát thanh, Truyền hình Quảng Ninh"], [VP, "Sở Văn hóa, Thể thao và Du lịch"], "Thường xuyên")
P.T(2, "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính, kỹ năng sử dụng Hệ thống thông tin giải quyết thủ tục hành chính cho cán bộ, công chức cấp xã sau sắp xếp.",
    "Hội nghị tập huấn", [VP], [KHCN, XA], "Tháng 4/2026")


# ------------------------------------------------------------------ B. Nghệ An, Sở Tư pháp
# Portrait; the first column "Nhóm nhiệm vụ" holds "I. <title>" vertically merged (vMerge) over
# the section's task rows (no separate section rows); TT 1..18 running through; units in ONE
# column "Đơn vị chủ trì/phối hợp" as lines "Chủ trì: ..." / "Phối hợp: ..."; task 2's cell has
# no role label (lead by meaning, inferred); two real Word footnotes (not in gold content).
na = Plan("na_stp_2026", "docx", "Sở Tư pháp tỉnh Nghệ An", "25/KH-STP")
P = na
VPS = "Văn phòng Sở"
HCTP = "Phòng Hành chính tư pháp và Bổ trợ tư pháp"
PDV = "Các phòng, đơn vị thuộc Sở"
TTPV = "Trung tâm Phục vụ hành chính công tỉnh"
XP = "UBND các xã, phường"

P.S("I", "Kiểm soát quy định thủ tục hành chính")
P.T(1, "Góp ý, thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do các sở, ngành gửi đến; bảo đảm nội dung thẩm định về thủ tục hành chính theo đúng quy định.",
    "Báo cáo thẩm định, văn bản góp ý", ["Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật"], [VPS],
    "Theo đề nghị của cơ quan chủ trì soạn thảo")
P.T(2, "Đánh giá tác động của thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do Sở Tư pháp chủ trì soạn thảo.",
    "Bản đánh giá tác động", [PDV], [], "Thường xuyên", inf=["lead"])
P.T(3, "Rà soát, đề xuất sửa đổi quy định thủ tục hành chính lĩnh vực hộ tịch, chứng thực, lý lịch tư pháp không còn phù hợp với mô hình chính quyền địa phương hai cấp.",
    "Báo cáo rà soát, kiến nghị", [HCTP], [VPS, XP], "Quý II/2026")

P.S("II", "Công bố, công khai thủ tục hành chính")
P.T(4, "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính lĩnh vực tư pháp mới ban hành, sửa đổi, bổ sung, bãi bỏ; gửi Văn phòng UBND tỉnh kiểm soát chất lượng.",
    "Dự thảo Quyết định công bố; Quyết định của Chủ tịch UBND tỉnh", [VPS], [PDV], "Khi có văn bản mới")
P.T(5, "Xây dựng quy trình nội bộ giải quyết thủ tục hành chính, phối hợp cấu hình quy trình điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh trong thời hạn 10 ngày làm việc kể từ ngày Quyết định công bố được ký ban hành.",
    "Quy trình nội bộ được phê duyệt", [VPS], [TTPV, "Sở Khoa học và Công nghệ"], "Thường xuyên",
    dit="trong thời hạn 10 ngày làm việc kể từ ngày Quyết định công bố được ký ban hành")
P.T(6, "Niêm yết, công khai thủ tục hành chính lĩnh vực tư pháp tại Trung tâm Phục vụ hành chính công tỉnh, trên Trang thông tin điện tử của Sở; gỡ bỏ kịp thời thủ tục hành chính đã bị bãi bỏ.",
    "Thủ tục hành chính được công khai đầy đủ", [VPS], [TTPV], "Thường xuyên")

P.S("III", "Giải quyết thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông")
P.T(7, "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh; đánh giá, nhận xét công chức, viên chức được cử đến theo quy định.",
    "Quyết định cử công chức", [VPS], [TTPV], "Tháng 3/2026")
P.T(8, "Thực hiện liên thông điện tử nhóm thủ tục hành chính đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi và nhóm đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí (trước đây do Sở Lao động - Thương binh và Xã hội hướng dẫn); tháo gỡ vướng mắc cho UBND cấp xã.",
    "Báo cáo kết quả liên thông", [HCTP], ["Công an tỉnh", "Bảo hiểm xã hội tỉnh", "Sở Y tế", XP], "Thường xuyên")
P.T(9, "Cấp Phiếu lý lịch tư pháp trực tuyến trên ứng dụng VNeID và Cổng Dịch vụ công quốc gia; rút ngắn thời gian giải quyết so với quy định.",
    "Tỷ lệ hồ sơ trực tuyến đạt trên 90%", [HCTP], ["Công an tỉnh"], "Thường xuyên")
P.T(10, "Hướng dẫn, đôn đốc UBND các xã, phường số hóa sổ hộ tịch, dữ liệu hộ tịch lịch sử của các huyện, thị xã (cũ) đang lưu trữ; cập nhật vào Cơ sở dữ liệu hộ tịch điện tử.",
    "Dữ liệu hộ tịch được số hóa, cập nhật", [HCTP], [XP], "Trước 31/10/2026")
P.T(11, "Thực hiện thủ tục hành chính trong lĩnh vực bổ trợ tư pháp (luật sư, công chứng, đấu giá tài sản, giám định tư pháp) trên môi trường điện tử; thanh toán phí, lệ phí trực tuyến.",
    "Tỷ lệ thanh toán trực tuyến tăng so với năm 2025", ["Phòng Bổ trợ tư pháp"], [VPS], "Năm 2026")

P.S("IV", "Phản ánh, kiến nghị; kiểm tra; thông tin, báo cáo")
P.T(12, "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính, hành vi hành chính trong giải quyết thủ tục hành chính thuộc lĩnh vực tư pháp.",
    "Phản ánh, kiến nghị được xử lý, trả lời đúng hạn", [VPS], [PDV], "Thường xuyên")
P.T(13, "Kiểm tra việc giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực tại UBND cấp xã.",
    "Kết luận kiểm tra", [HCTP], ["Thanh tra Sở"], "Quý III/2026")
P.T(14, "Báo cáo tình hình, kết quả kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông của Sở gửi Văn phòng UBND tỉnh; các phòng, đơn vị gửi số liệu về Văn phòng Sở trước ngày 12 của tháng cuối quý.",
    "Báo cáo quý, 6 tháng, năm", [VPS], [PDV], "Định kỳ hằng quý (trước ngày 19 tháng cuối quý)",
    dit="trước ngày 12 của tháng cuối quý")
P.T(15, "Tổng hợp, báo cáo tình hình thực hiện Đề án 06 trong lĩnh vực tư pháp gửi Công an tỉnh.",
    "Báo cáo tháng", [VPS], [HCTP], "Trước ngày 20 hằng tháng")

P.S("V", "Truyền thông, tập huấn, trợ giúp pháp lý")
P.T(16, "Tuyên truyền, phổ biến quy định mới về hộ tịch, chứng thực, lý lịch tư pháp và các thủ tục hành chính liên thông cho người dân qua Trang thông tin điện tử của Sở và hệ thống loa truyền thanh cơ sở.",
    "Tin, bài tuyên truyền", ["Phòng Phổ biến, giáo dục pháp luật"], [XP], "Thường xuyên")
P.T(17, "Tập huấn nghiệp vụ hộ tịch, chứng thực cho công chức làm công tác tư pháp cấp xã sau sắp xếp.",
    "Hội nghị tập huấn", [HCTP], [VPS], "Tháng 3 và tháng 8/2026")
P.T(18, "Thực hiện trợ giúp pháp lý cho người thuộc diện được trợ giúp pháp lý tại Trung tâm Phục vụ hành chính công tỉnh; tiếp nhận yêu cầu trợ giúp pháp lý trực tuyến.",
    "Yêu cầu trợ giúp pháp lý được tiếp nhận, giải quyết", ["Trung tâm Trợ giúp pháp lý nhà nước"], [TTPV], "Thường xuyên")


# ------------------------------------------------------------------ C. xã Hàm Yên, Tuyên Quang
# Portrait commune plan; sections "1".."5" typed in the TT cell with a bold title in the content
# cell; tasks typed "1.1", "1.2" (ref = the typed label); NO result column: the product is a
# paragraph "- Sản phẩm: ..." in the content cell (result null when absent); task 2.1 is cut by
# hand into two table rows (second row: empty TT, content continues mid-sentence + Sản phẩm).
tq = Plan("tq_xahamyen_2026", "docx", "Ủy ban nhân dân xã Hàm Yên (tỉnh Tuyên Quang)", "12/KH-UBND")
P = tq
VPX = "Văn phòng HĐND và UBND xã"
TTX = "Trung tâm Phục vụ hành chính công xã"
KT = "Phòng Kinh tế"
VHXH = "Phòng Văn hóa - Xã hội"


def T(lab, *a, **k):
    P.T(lab, *a, ref=lab, **k)


P.S("1", "Kiểm soát việc công bố, công khai thủ tục hành chính")
T("1.1", "Cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã do Chủ tịch UBND tỉnh công bố; niêm yết công khai tại Trung tâm Phục vụ hành chính công xã.",
  "Danh mục thủ tục hành chính được niêm yết đầy đủ", [VPX], [TTX], "Ngay sau khi có Quyết định công bố của Chủ tịch UBND tỉnh")
T("1.2", "Công khai số điện thoại đường dây nóng, địa chỉ tiếp nhận phản ánh, kiến nghị; công khai kết quả giải quyết hồ sơ trên bảng điện tử tại trụ sở.",
  "Thông tin được công khai tại trụ sở và trên Trang thông tin điện tử xã", [TTX], [VPX], "Thường xuyên")
T("1.3", "Rà soát, thu hồi, thay thế các biểu mẫu, tài liệu hướng dẫn thủ tục hành chính còn ghi tên UBND huyện Hàm Yên (cũ), UBND thị trấn Tân Yên (cũ) tại nơi tiếp nhận hồ sơ.",
  "Biểu mẫu, tài liệu hướng dẫn được thay thế", [TTX], [KT, VHXH], "Trước 31/3/2026")

P.S("2", "Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông")
T("2.1", "Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính đúng quy định; thực hiện xin lỗi người dân khi hồ sơ trễ hạn; không để tồn đọng hồ sơ quá hạn do UBND huyện Hàm Yên (cũ) đã bàn giao về xã.",
  "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%", [TTX], [KT, VHXH, "Công an xã"], "Thường xuyên")
T("2.2", "Phân công công chức tiếp nhận hồ sơ trực tiếp và trực tuyến; bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến tại Trung tâm.",
  "Quyết định phân công", [VPX], [TTX], "Tháng 02/2026")
T("2.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; cập nhật dữ liệu đất đai, hộ tịch vào cơ sở dữ liệu chuyên ngành.",
  "100% hồ sơ tiếp nhận được số hóa", ["Bộ phận Một cửa xã"], ["Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng"], "Hằng tháng")
T("2.4", "Thực hiện liên thông điện tử nhóm thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
  None, [VHXH], ["Công an xã", "Trạm Y tế xã"], "Thường xuyên")
T("2.5", "Tổ chức đo lường mức độ hài lòng của người dân đối với việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã.",
  "Báo cáo kết quả đo lường", [VPX], [TTX], "Định kỳ 6 tháng (trước 10/6 và 10/12)")

P.S("3", "Thực hiện thủ tục hành chính trên môi trường điện tử")
T("3.1", "Hướng dẫn người dân tạo tài khoản định danh điện tử, sử dụng dịch vụ công trực tuyến toàn trình; phấn đấu tỷ lệ hồ sơ trực tuyến đạt tối thiểu 50%.",
  "Tỷ lệ hồ sơ trực tuyến đạt chỉ tiêu", ["Công an xã", TTX], ["Đoàn Thanh niên Cộng sản Hồ Chí Minh xã"], "Trong năm 2026")
T("3.2", "Thành lập, duy trì Tổ công nghệ số cộng đồng tại các thôn, tổ dân phố; hỗ trợ người dân thực hiện thủ tục hành chính trên thiết bị di động.",
  "Quyết định thành lập; danh sách Tổ công nghệ số cộng đồng", [VHXH], ["Trưởng thôn, tổ dân phố"], "Trước 30/6/2026")
T("3.3", "Thực hiện ký số, trả kết quả giải quyết thủ tục hành chính điện tử; lưu trữ hồ sơ điện tử theo quy định.",
  "Kết quả điện tử được cấp đúng quy định", [VPX], [], "Thường xuyên")

P.S("4", "Tiếp nhận phản ánh, kiến nghị; kiểm tra; báo cáo")
T("4.1", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính và việc giải quyết thủ tục hành chính tại xã; trả lời trong thời hạn 05 ngày làm việc kể từ ngày nhận được phản ánh.",
  "Văn bản trả lời", [VPX], ["Các phòng chuyên môn thuộc UBND xã"], "Thường xuyên",
  dit="trong thời hạn 05 ngày làm việc kể từ ngày nhận được phản ánh")
T("4.2", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính tại xã gửi Văn phòng UBND tỉnh qua Hệ thống báo cáo.",
  "Báo cáo tháng", [VPX], [TTX], "Hằng tháng, trước ngày 20")
T("4.3", "Báo cáo kết quả thực hiện kiểm soát thủ tục hành chính quý, 6 tháng, năm gửi Văn phòng UBND tỉnh và Sở Tư pháp (đối với lĩnh vực hộ tịch, chứng thực).",
  "Báo cáo quý, 6 tháng, năm", [VPX], ["Công chức Tư pháp - Hộ tịch"], "Trước ngày 15 tháng cuối quý")
T("4.4", "Tự kiểm tra việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã; chấn chỉnh kịp thời các sai sót.",
  "Thông báo kết quả tự kiểm tra", [VPX], [KT, VHXH], "Quý 3/2026")

P.S("5", "Tuyên truyền, tập huấn")
T("5.1", "Tuyên truyền về dịch vụ công trực tuyến, thanh toán không dùng tiền mặt trên hệ thống truyền thanh xã, nhóm Zalo của các thôn, tổ dân phố.",
  None, [VHXH], ["Trưởng thôn, tổ dân phố"], "Thường xuyên")
T("5.2", "Cử công chức tham gia tập huấn nghiệp vụ kiểm soát thủ tục hành chính do Văn phòng UBND tỉnh, Sở Tư pháp tổ chức.",
  "Công chức được tập huấn", [VPX], [], "Theo Kế hoạch của UBND tỉnh")

PLANS = [qni, na, tq]
