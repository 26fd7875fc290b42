"""Gold of the three .docx plans of corpus5, typed by hand before any document was built.

LAYOUT holds what the builders need beyond the gold (appendix titles, heading rows that are not
tasks); it is not part of the gold.
"""
from common import Plan

PLANS = []
LAYOUT = {}

# =================================================================== ls_ubnd_2026 (UBND tỉnh Lạng Sơn)
# Columns: TT | Nội dung nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Cơ quan chủ trì | Cơ quan phối hợp | Ghi chú
A = Plan("ls_ubnd_2026", "docx", "Ủy ban nhân dân tỉnh Lạng Sơn", "16/KH-UBND")
SBN = "Các sở, ban, ngành tỉnh"
XA = "UBND các xã, phường"
VP = "Văn phòng UBND tỉnh"
A.S("I", "Công tác kiểm soát quy định thủ tục hành chính")
A.T(1, "Đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật do UBND tỉnh ban hành có quy định thủ tục hành chính.",
    "Báo cáo đánh giá tác động gửi kèm hồ sơ dự thảo", ["Sở Tư pháp, Sở Tài chính và các cơ quan chủ trì soạn thảo"], [VP], "Theo tiến độ soạn thảo văn bản")
A.T(2, "Thẩm định, cho ý kiến đối với quy định thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh.",
    "Báo cáo thẩm định", ["Sở Tư pháp"], [VP, "Cơ quan chủ trì soạn thảo"], "Theo tiến độ của Bộ")
A.T(3, "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026 của UBND tỉnh; đề xuất phương án đơn giản hóa gửi Văn phòng UBND tỉnh trước ngày 15/9/2026.",
    "Quyết định phê duyệt phương án đơn giản hóa", [SBN], [VP, "Sở Khoa học và Công nghệ"], "Quý III - Quý IV/2026", dit="trước ngày 15/9/2026")
A.S("II", "Công bố, công khai thủ tục hành chính")
A.T(1, "Xây dựng, trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ và quy trình nội bộ giải quyết thủ tục hành chính.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", ["Sở Nông nghiệp và Môi trường, Sở Xây dựng, Sở Nội vụ và các sở, ngành có thủ tục hành chính"], [VP], "Chậm nhất 05 ngày làm việc trước ngày văn bản có hiệu lực")
A.T(2, "Nhập, đăng tải dữ liệu thủ tục hành chính đã công bố lên Cơ sở dữ liệu quốc gia về thủ tục hành chính; cấu hình quy trình điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
    "Dữ liệu được công khai trên Cổng Dịch vụ công quốc gia", [VP], ["Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"], "Thường xuyên")
A.T(3, "Niêm yết công khai thủ tục hành chính, mã QR tra cứu thủ tục tại Trung tâm Phục vụ hành chính công tỉnh và Trung tâm Phục vụ hành chính công các xã, phường.",
    "Thủ tục hành chính được công khai đầy đủ, đúng quy định", ["Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường"], [SBN], "Tháng 3 - tháng 4/2026")
A.S("III", "Thực hiện cơ chế một cửa, một cửa liên thông và số hóa hồ sơ")
A.T(1, "Rà soát, trình phê duyệt danh mục thủ tục hành chính tiếp nhận không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh.",
    "Quyết định phê duyệt danh mục", [VP], [SBN, XA], "Trong Quý I")
A.T(2, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tái sử dụng dữ liệu đã số hóa; bảo đảm 100% hồ sơ tiếp nhận được số hóa.",
    "Tỷ lệ hồ sơ được số hóa đạt 100%", ["Trung tâm Phục vụ hành chính công tỉnh, các sở, ban, ngành và UBND các xã, phường"], ["Sở Khoa học và Công nghệ", "Bưu điện tỉnh Lạng Sơn"], "Hằng tháng (trước ngày 25)")
A.T(3, "Kiểm tra việc thực hiện cơ chế một cửa, một cửa liên thông tại Trung tâm Phục vụ hành chính công các xã, phường, trong đó có các xã thuộc huyện Cao Lộc (cũ), huyện Văn Lãng (cũ).",
    "Thông báo kết quả kiểm tra", [VP], ["Sở Nội vụ", "Thanh tra tỉnh"], "Tháng 5 - tháng 10/2026")
A.T(4, "Triển khai thanh toán trực tuyến phí, lệ phí và nghĩa vụ tài chính trong giải quyết thủ tục hành chính.",
    "Tỷ lệ hồ sơ thanh toán trực tuyến đạt trên 50%", ["Sở Tài chính, Thuế tỉnh và Kho bạc Nhà nước khu vực VI"], ["Sở Kế hoạch và Đầu tư", "Ngân hàng Nhà nước chi nhánh tỉnh"], "06 tháng đầu năm và cả năm")
A.S("IV", "Tiếp nhận, xử lý phản ánh, kiến nghị")
A.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính trên Cổng Dịch vụ công quốc gia và Hệ thống phản ánh, kiến nghị của tỉnh.",
    "Phản ánh, kiến nghị được xử lý đúng hạn", [VP], [SBN, XA], "Thường xuyên",
    notes="Thời hạn xử lý không quá 10 ngày làm việc kể từ ngày nhận phản ánh, kiến nghị", dit="không quá 10 ngày làm việc kể từ ngày nhận phản ánh, kiến nghị")
A.T(2, "Tổng hợp kết quả xử lý phản ánh, kiến nghị, đăng tải công khai trên Cổng Thông tin điện tử tỉnh.",
    "Báo cáo tổng hợp", [VP], ["Báo và Phát thanh, Truyền hình Lạng Sơn"], "Hằng quý")
A.S("V", "Thông tin, báo cáo, kiểm tra và tuyên truyền")
A.T(1, "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông gửi Văn phòng UBND tỉnh.",
    "Báo cáo định kỳ trên Hệ thống quản lý và đánh giá về kiểm soát thủ tục hành chính", ["Các sở, ban, ngành, Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường"], [], "Ngày 18 tháng cuối quý")
A.T(2, "Tổng hợp, xây dựng báo cáo của UBND tỉnh gửi Văn phòng Chính phủ.",
    "Báo cáo của UBND tỉnh", [VP], [], "Ngày 22 tháng cuối quý",
    notes="Báo cáo năm chậm nhất ngày 15/12/2026", dit="chậm nhất ngày 15/12/2026")
A.T(3, "Kiểm tra công tác kiểm soát thủ tục hành chính tại một số sở, ngành và UBND các xã, phường.",
    "Kết luận kiểm tra", [VP], ["Sở Nội vụ", "Sở Tư pháp"], "Chậm nhất ngày 15/12/2026")
A.T(4, "Tuyên truyền về kiểm soát thủ tục hành chính, dịch vụ công trực tuyến trên các phương tiện thông tin đại chúng.",
    "Tin, bài, phóng sự", ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo và Phát thanh, Truyền hình Lạng Sơn", VP], "Trong năm 2026")
PLANS.append(A)

# =================================================================== ht_syt_2026 (Sở Y tế tỉnh Hà Tĩnh)
# Three appendix tables, each with its own header; numbering 1. / 1.1. / 1.2.1 inside each.
B = Plan("ht_syt_2026", "docx", "Sở Y tế tỉnh Hà Tĩnh", "21/KH-SYT")
VPS = "Văn phòng Sở"
NVY = "Phòng Nghiệp vụ Y"
NVD = "Phòng Nghiệp vụ Dược"
PCM = "Các phòng chuyên môn thuộc Sở"
LAYOUT["ht_syt_2026"] = {
    "appendix": {
        "I": "Kiểm soát quy định và công bố, công khai thủ tục hành chính",
        "II": "Giải quyết thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
        "III": "Thông tin, báo cáo và kiểm tra",
    },
    # heading rows that are not tasks: (appendix, label as typed, text)
    "groups": [
        ("I", "1.", "Kiểm soát quy định thủ tục hành chính"),
        ("I", "2.", "Công bố, công khai thủ tục hành chính"),
        ("I", "2.2.", "Công khai thủ tục hành chính tại nơi tiếp nhận và trên môi trường điện tử:"),
        ("II", "1.", "Tiếp nhận, giải quyết thủ tục hành chính"),
        ("II", "1.3.", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính:"),
        ("II", "2.", "Phản ánh, kiến nghị về quy định hành chính"),
        ("III", "1.", "Thông tin, báo cáo"),
        ("III", "2.", "Kiểm tra, tuyên truyền"),
    ],
}


def BT(ref, content, result, lead, support, deadline, **kw):
    B.T(None, content, result, lead, support, deadline, ref=ref, **kw)


B.S("I.1", "Kiểm soát quy định thủ tục hành chính")
BT("I.1.1", "Đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật thuộc lĩnh vực y tế do Sở tham mưu.",
   "Biểu mẫu đánh giá tác động", [NVY, NVD], [VPS], "Theo tiến độ soạn thảo văn bản")
BT("I.1.2", "Rà soát quy định, thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh và dược; đề xuất phương án cắt giảm, đơn giản hóa.",
   "Báo cáo rà soát gửi Văn phòng UBND tỉnh", [NVY, NVD], ["Thanh tra Sở"], "Tháng 6 - tháng 8/2026")
B.S("I.2", "Công bố, công khai thủ tục hành chính")
BT("I.2.1", "Dự thảo Quyết định công bố danh mục thủ tục hành chính lĩnh vực y tế, bảo trợ xã hội trình Chủ tịch UBND tỉnh khi có văn bản của Bộ Y tế.",
   "Quyết định công bố", [VPS], [NVY, NVD, "Phòng Bảo trợ xã hội"], "Theo tiến độ của Bộ")
BT("I.2.2.1", "Niêm yết công khai tại Trung tâm Phục vụ hành chính công tỉnh và tại các bệnh viện, trung tâm y tế thực hiện thủ tục hành chính.",
   "Bảng niêm yết được cập nhật", [VPS], ["Trung tâm Phục vụ hành chính công tỉnh"], "Trong Quý I")
BT("I.2.2.2", "Cập nhật thủ tục hành chính trên Trang thông tin điện tử của Sở Y tế và Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
   "Thông tin được cập nhật trên Trang thông tin điện tử", [VPS], ["Trung tâm Kiểm soát bệnh tật tỉnh"], "Thường xuyên")
B.S("II.1", "Tiếp nhận, giải quyết thủ tục hành chính")
BT("II.1.1", "Tiếp nhận, giải quyết hồ sơ cấp, cấp lại giấy phép hành nghề khám bệnh, chữa bệnh đúng thời hạn; không để hồ sơ quá hạn.",
   "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%", [NVY], [VPS], "Thường xuyên")
BT("II.1.2", "Giải quyết hồ sơ cấp chứng chỉ hành nghề dược, giấy chứng nhận đủ điều kiện kinh doanh dược; thông báo kết quả cho tổ chức, cá nhân trong vòng 02 ngày làm việc kể từ ngày có kết quả.",
   "Hồ sơ được giải quyết đúng hạn", [NVD], ["Hội đồng tư vấn cấp chứng chỉ hành nghề dược"], "Thường xuyên", dit="trong vòng 02 ngày làm việc kể từ ngày có kết quả")
BT("II.1.3.1", "Số hóa hồ sơ khi tiếp nhận; ký số kết quả giải quyết thủ tục hành chính.",
   "100% hồ sơ được số hóa", [VPS, PCM], ["Trung tâm Phục vụ hành chính công tỉnh"], "Hằng tháng (trước ngày 25)")
BT("II.1.3.2", "Cập nhật kết quả số hóa vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
   "Dữ liệu được khai thác, tái sử dụng", [PCM], ["Sở Khoa học và Công nghệ"], "06 tháng đầu năm và cả năm")
BT("II.1.4", "Triển khai cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục cấp giấy phép hoạt động khám bệnh, chữa bệnh.",
   "Dịch vụ công trực tuyến toàn trình được cung cấp", [NVY], ["Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"], "Quý II/2026")
B.S("II.2", "Phản ánh, kiến nghị về quy định hành chính")
BT("II.2.1", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về thủ tục hành chính thuộc thẩm quyền của Sở.",
   "Phản ánh, kiến nghị được xử lý, trả lời", [VPS], ["Thanh tra Sở", PCM], "Thường xuyên")
BT("II.2.2", "Công khai kết quả xử lý phản ánh, kiến nghị trên Trang thông tin điện tử của Sở.",
   "Kết quả được công khai", [VPS], [], "Trong 05 ngày làm việc kể từ ngày có văn bản xử lý")
B.S("III.1", "Thông tin, báo cáo")
BT("III.1.1", "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính của Sở gửi UBND tỉnh (qua Văn phòng UBND tỉnh).",
   "Báo cáo định kỳ", [VPS], [PCM], "Trước ngày 18 tháng cuối quý")
BT("III.1.2", "Báo cáo kết quả giải quyết thủ tục hành chính lĩnh vực bảo trợ xã hội chuyển giao từ Sở Lao động - Thương binh và Xã hội.",
   "Báo cáo chuyên đề", ["Phòng Bảo trợ xã hội"], [VPS], "06 tháng đầu năm và cả năm")
BT("III.1.3", "Báo cáo kết quả thực hiện Kế hoạch năm 2026.",
   "Báo cáo năm", [VPS], [PCM, "Chi cục Dân số - Kế hoạch hóa gia đình"], "Chậm nhất ngày 15/12/2026")
B.S("III.2", "Kiểm tra, tuyên truyền")
BT("III.2.1", "Kiểm tra việc thực hiện thủ tục hành chính tại các cơ sở khám bệnh, chữa bệnh và Trung tâm Y tế khu vực.",
   "Thông báo kết luận kiểm tra", ["Thanh tra Sở"], [NVY, VPS], "Tháng 9 - tháng 11/2026")
BT("III.2.2", "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến lĩnh vực y tế.",
   "Tin, bài trên Trang thông tin điện tử", [VPS], ["Trung tâm Kiểm soát bệnh tật tỉnh"], "Năm 2026")
PLANS.append(B)

# =================================================================== bmt_phuong_2026 (UBND phường Buôn Ma Thuột)
# Columns: STT | Nội dung công việc | Chủ trì | Phối hợp | Thời gian thực hiện | Ghi chú  (no result column)
C = Plan("dl_phuongbmt_2026", "docx", "Ủy ban nhân dân phường Buôn Ma Thuột (tỉnh Đắk Lắk)", "09/KH-UBND")
VPP = "Văn phòng HĐND và UBND phường"
TT = "Trung tâm Phục vụ hành chính công phường"
KT = "Phòng Kinh tế, Hạ tầng và Đô thị"
VHXH = "Phòng Văn hóa - Xã hội"
# bullets: content = lead-in paragraph + bullet paragraphs joined by a space (the bullets are w:numPr)
LAYOUT["dl_phuongbmt_2026"] = {"bullets": {}}
BUL = LAYOUT["dl_phuongbmt_2026"]["bullets"]


def CT(num, lead_in, bullets, lead, support, deadline, **kw):
    content = " ".join([lead_in] + bullets)
    C.T(num, content, None, lead, support, deadline, **kw)
    BUL[C.tasks[-1]["ref"]] = [lead_in] + bullets


C.S("A", "KIỂM SOÁT VIỆC CÔNG BỐ, CÔNG KHAI THỦ TỤC HÀNH CHÍNH")
CT(1, "Cập nhật, công khai thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường:",
   ["Niêm yết danh mục thủ tục hành chính tại Trung tâm Phục vụ hành chính công phường;",
    "Thay thế các bảng niêm yết còn ghi tên UBND phường Tân Lập (cũ), UBND phường Tự An (cũ);",
    "Công khai mã QR tra cứu thủ tục hành chính."],
   [TT], [VPP], "Tháng 3 - tháng 4/2026")
CT(2, "Công khai số điện thoại đường dây nóng, địa chỉ tiếp nhận phản ánh, kiến nghị tại trụ sở UBND phường và trên Trang thông tin điện tử phường.",
   [], [VPP], [TT], "Trong Quý I")
CT(3, "Rà soát thủ tục hành chính liên thông cấp tỉnh - cấp xã, đề xuất sửa đổi quy trình nội bộ.",
   [], [f"{VPP}, {KT} và {VHXH}"], [TT], "Quý II/2026",
   notes="Gửi kết quả về Văn phòng UBND tỉnh chậm nhất ngày 30/6/2026", dit="chậm nhất ngày 30/6/2026")
C.S("B", "GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG")
CT(4, "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng quy định:",
   ["Hướng dẫn tổ chức, cá nhân một lần, đầy đủ;",
    "Thực hiện xin lỗi bằng văn bản khi hồ sơ trễ hạn;",
    "Không yêu cầu bổ sung giấy tờ ngoài quy định."],
   [TT], [KT, VHXH, "Công an phường"], "Thường xuyên")
CT(5, "Tiếp nhận hồ sơ thủ tục hành chính không phụ thuộc vào địa giới hành chính đối với các thủ tục thuộc danh mục được UBND tỉnh phê duyệt.",
   [], [TT], ["Bưu điện phường"], "Theo lộ trình của UBND tỉnh")
CT(6, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính:",
   ["Số hóa 100% hồ sơ tiếp nhận trực tiếp;",
    "Ký số kết quả giải quyết;",
    "Chuyển đổi sổ hộ tịch giấy của UBND phường Tân Lập (cũ) sang dữ liệu điện tử."],
   [f"{TT}, {VHXH}"], ["Công chức Tư pháp - Hộ tịch"], "Hằng tháng (trước ngày 25)")
CT(7, "Hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công phường.",
   [], [TT], ["Đoàn Thanh niên phường", "Tổ công nghệ số cộng đồng"], "Thường xuyên")
CT(8, "Thực hiện liên thông thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
   [], [VHXH], ["Công an phường", "Bảo hiểm xã hội cơ sở"], "Thường xuyên")
C.S("C", "TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ")
CT(9, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính thuộc thẩm quyền của UBND phường.",
   [], [VPP], [TT, KT], "Thường xuyên",
   notes="Trả lời trong thời hạn 05 ngày làm việc", dit="trong thời hạn 05 ngày làm việc")
CT(10, "Khảo sát mức độ hài lòng của người dân đối với việc giải quyết thủ tục hành chính tại phường.",
   [], [TT], ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "Tháng 10/2026")
C.S("D", "THÔNG TIN, BÁO CÁO, KIỂM TRA")
CT(11, "Báo cáo kết quả thực hiện kiểm soát thủ tục hành chính gửi Văn phòng UBND tỉnh.",
   [], [VPP], [TT], "Trước ngày 15 tháng cuối quý")
CT(12, "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
   [], [TT], [], "Trước ngày 20 hằng tháng")
CT(13, "Báo cáo sơ kết, tổng kết công tác kiểm soát thủ tục hành chính.",
   [], [VPP], [TT, KT, VHXH], "06 tháng đầu năm và cả năm")
CT(14, "Tự kiểm tra việc giải quyết thủ tục hành chính của các công chức chuyên môn:",
   ["Kiểm tra hồ sơ trễ hạn, hồ sơ phải bổ sung nhiều lần;",
    "Kiểm tra việc số hóa và lưu trữ hồ sơ."],
   ["Chủ tịch UBND phường"], [VPP], "Chậm nhất ngày 15/12/2026")
CT(15, "Tuyên truyền về thủ tục hành chính, dịch vụ công trực tuyến trên hệ thống loa truyền thanh và nhóm Zalo của các tổ dân phố.",
   [], [VHXH], ["Tổ trưởng tổ dân phố"], "Hằng quý")
CT(16, "Thực hiện các nhiệm vụ khác về kiểm soát thủ tục hành chính do UBND tỉnh giao.",
   [], [VPP], [TT], "Theo yêu cầu của UBND tỉnh")
PLANS.append(C)
