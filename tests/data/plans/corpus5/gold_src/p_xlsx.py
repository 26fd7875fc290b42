"""Gold of the .xlsx plan of corpus5 (Sở Nội vụ tỉnh Cà Mau), typed by hand first.

Columns: A STT | B Nội dung công việc | C (hidden helper "Mã") | D Đơn vị chủ trì |
E Đơn vị phối hợp | F Thời gian hoàn thành | G Sản phẩm | H Ghi chú.
"""
from common import Plan

PLANS = []
LAYOUT = {}

D = Plan("cm_snv_2026", "xlsx", "Sở Nội vụ tỉnh Cà Mau", "28/KH-SNV")
VPS = "Văn phòng Sở"
PCM = "Các phòng chuyên môn thuộc Sở"
TCBC = "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ"
CCVC = "Phòng Công chức, viên chức"
LD = "Phòng Lao động - Việc làm"
TD = "Ban Thi đua - Khen thưởng"
D.S("I", "KIỂM SOÁT QUY ĐỊNH VÀ CÔNG BỐ THỦ TỤC HÀNH CHÍNH")
D.T(1, "Tham mưu Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính lĩnh vực nội vụ, lao động, việc làm mới ban hành, sửa đổi, bổ sung.",
    "Quyết định công bố của Chủ tịch UBND tỉnh", [VPS], [TCBC, CCVC, LD], "Theo tiến độ của Bộ")
D.T(2, "Xây dựng quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính thuộc thẩm quyền của Sở.",
    "Quyết định phê duyệt quy trình nội bộ", [f"{VPS}, {LD} và {TD}"], ["Văn phòng UBND tỉnh"], "Trong Quý I")
D.T(3, "Rà soát, đánh giá thủ tục hành chính lĩnh vực lao động, việc làm và người có công tiếp nhận từ Sở Lao động - Thương binh và Xã hội.",
    "a) Báo cáo rà soát", [LD], [VPS], "Tháng 3 - tháng 4/2026", ref="I.3a")
D.T(3, "Rà soát, đánh giá thủ tục hành chính lĩnh vực lao động, việc làm và người có công tiếp nhận từ Sở Lao động - Thương binh và Xã hội.",
    "b) Phương án đơn giản hóa trình UBND tỉnh", [LD, "Phòng Người có công"], ["Sở Tư pháp"], "Chậm nhất ngày 15/9/2026", ref="I.3b", inf=["content"])
D.T(4, "Cập nhật, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia và Trang thông tin điện tử của Sở; thay thế biểu mẫu còn ghi tên Sở Nội vụ tỉnh Bạc Liêu (cũ).",
    "Thủ tục hành chính được công khai đầy đủ", [VPS], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")
D.S("II", "GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH, SỐ HÓA HỒ SƠ")
D.T(1, "Tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh; không để phát sinh hồ sơ trễ hạn.",
    "Tỷ lệ hồ sơ đúng hạn trên 98%", [PCM], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")
D.T(2, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; cập nhật vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
    "100% hồ sơ được số hóa", [PCM], ["Sở Khoa học và Công nghệ"], "Hằng tháng (trước ngày 25)")
D.T(3, "Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục lĩnh vực thi đua, khen thưởng và tôn giáo.",
    "Dịch vụ công trực tuyến được cung cấp trên Cổng Dịch vụ công quốc gia", [TD, "Ban Tôn giáo"], ["Sở Thông tin và Truyền thông"], "Quý II/2026",
    notes="Ban Tôn giáo nay thuộc Sở Dân tộc và Tôn giáo")
D.T(4, "Thực hiện thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục cấp giấy phép lao động cho người nước ngoài.",
    "Tỷ lệ thanh toán trực tuyến đạt 60%", [LD], ["Sở Tài chính", "Kho bạc Nhà nước khu vực XX"], "06 tháng đầu năm và cả năm")
D.T(5, "Giải quyết hồ sơ tồn đọng do các đơn vị của tỉnh Bạc Liêu (cũ) bàn giao; hoàn thành trước ngày 31/3/2026.",
    "Không còn hồ sơ tồn đọng", [PCM], [VPS], "Quý I/2026", dit="trước ngày 31/3/2026")
D.S("III", "PHẢN ÁNH, KIẾN NGHỊ; THÔNG TIN, BÁO CÁO")
D.T(1, "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính thuộc phạm vi quản lý của Sở.",
    "Phản ánh, kiến nghị được xử lý đúng hạn", [VPS], [PCM, "Thanh tra Sở"], "Thường xuyên",
    notes="Chuyển phản ánh đến phòng chuyên môn trong 01 ngày làm việc", dit="trong 01 ngày làm việc")
D.T(2, "Báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính.",
    "a) Báo cáo quý gửi Văn phòng UBND tỉnh", [VPS], [PCM], "Trước ngày 18 tháng cuối quý", ref="III.2a")
D.T(2, "Báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính.",
    "b) Báo cáo năm gửi Văn phòng UBND tỉnh", [VPS], [PCM], "Chậm nhất ngày 15/12/2026", ref="III.2b", inf=["content"])
D.T(3, "Báo cáo số liệu giải quyết thủ tục hành chính trên Hệ thống quản lý và đánh giá về kiểm soát thủ tục hành chính.",
    "Số liệu được cập nhật đúng kỳ", [VPS], [], "Hằng tháng (trước ngày 20)")
D.T(4, "Kiểm tra việc thực hiện thủ tục hành chính tại các phòng chuyên môn và đơn vị trực thuộc Sở.",
    "Thông báo kết quả kiểm tra", ["Thanh tra Sở"], [VPS], "Tháng 8 - tháng 9/2026")
D.T(5, "Tuyên truyền, phổ biến về kiểm soát thủ tục hành chính, dịch vụ công trực tuyến lĩnh vực nội vụ.",
    "Tin, bài trên Trang thông tin điện tử", [VPS], ["Báo và Phát thanh, Truyền hình Cà Mau"], "Năm 2026")
PLANS.append(D)
