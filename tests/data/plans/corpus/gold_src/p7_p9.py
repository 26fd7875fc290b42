"""Gold of plans 7-9."""

from common import t

# ---------------------------------------------------------------- plan 7 (xlsx)
# UBND thành phố Cần Thơ, kept in Excel. Deadline cells that are real dates are written as the
# text the cell shows (dd/mm/yyyy).
SBN = "Các sở, ban, ngành thành phố"
VP = "Văn phòng UBND thành phố"
XA = "UBND các xã, phường"
TT = "Trung tâm Phục vụ hành chính công thành phố"
KH = "Sở Khoa học và Công nghệ"
P7 = dict(
    stem="ct_ubnd_2026",
    issuer="UBND thành phố Cần Thơ",
    year=2026,
    number="27/KH-UBND",
    sections=[
        (
            "I",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            [
                t(
                    "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 của cơ quan, đơn vị, địa phương",
                    [SBN, XA],
                    [VP],
                    "31/01/2026",
                    r="Kế hoạch",
                ),
                t(
                    "Kiện toàn cán bộ đầu mối kiểm soát thủ tục hành chính sau sắp xếp đơn vị hành chính (hợp nhất thành phố Cần Thơ, tỉnh Sóc Trăng, tỉnh Hậu Giang)",
                    [VP],
                    [SBN, XA],
                    "31/03/2026",
                    r="Quyết định phê duyệt danh sách",
                ),
                t(
                    "Chỉ đạo thực hiện nghiêm kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính; xử lý trách nhiệm người đứng đầu để xảy ra hồ sơ trễ hạn kéo dài",
                    [SBN, XA],
                    [],
                    "Thường xuyên",
                ),
            ],
        ),
        (
            "II",
            "KIỂM SOÁT QUY ĐỊNH VÀ CÔNG BỐ, CÔNG KHAI THỦ TỤC HÀNH CHÍNH",
            [
                t(
                    "Đánh giá tác động thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật của HĐND, UBND thành phố",
                    ["Cơ quan chủ trì soạn thảo"],
                    [VP, "Sở Tư pháp"],
                    "Thường xuyên",
                    r="Báo cáo đánh giá tác động",
                ),
                t(
                    "Dự thảo Quyết định công bố danh mục thủ tục hành chính trình Chủ tịch UBND thành phố",
                    [SBN],
                    [VP],
                    "Thường xuyên",
                    r="Quyết định công bố",
                ),
                t(
                    "Công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia, Cổng Dịch vụ công quốc gia và tại nơi tiếp nhận hồ sơ",
                    [VP, TT, XA],
                    [SBN],
                    "Thường xuyên",
                    r="Thủ tục hành chính được công khai đầy đủ",
                ),
                t(
                    "Rà soát, chuẩn hóa dữ liệu thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính thành phố sau hợp nhất",
                    [VP],
                    [SBN, KH],
                    "30/06/2026",
                    r="Dữ liệu được chuẩn hóa",
                ),
            ],
        ),
        (
            "III",
            "RÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH",
            [
                t(
                    "Ban hành Kế hoạch rà soát, đánh giá quy định, thủ tục hành chính năm 2026",
                    [VP],
                    [SBN],
                    "Quý I/2026",
                    r="Quyết định ban hành Kế hoạch",
                ),
                t(
                    "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch; gửi kết quả về Văn phòng UBND thành phố",
                    [SBN, XA],
                    [],
                    "31/07/2026",
                    r="Báo cáo kết quả rà soát",
                ),
                t(
                    "Tổng hợp, trình Chủ tịch UBND thành phố thông qua phương án đơn giản hóa",
                    [VP],
                    [SBN],
                    "30/09/2026",
                    r="Quyết định thông qua phương án",
                ),
                t(
                    "Rà soát, đơn giản hóa thủ tục hành chính nội bộ trong hệ thống hành chính nhà nước",
                    [SBN, XA],
                    [VP],
                    "Theo lộ trình",
                    r="Báo cáo kết quả",
                ),
            ],
        ),
        (
            "IV",
            "THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG",
            [
                t(
                    "Tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công thành phố và cấp xã; bảo đảm tỷ lệ hồ sơ đúng hạn trên 98%",
                    [TT, XA],
                    [SBN],
                    "Thường xuyên",
                    r="Tỷ lệ hồ sơ đúng hạn",
                ),
                t(
                    "Triển khai tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính tại các điểm tiếp nhận của Bưu điện thành phố",
                    [TT],
                    ["Bưu điện thành phố Cần Thơ", XA],
                    "30/06/2026",
                    r="Điểm tiếp nhận đi vào hoạt động",
                ),
                t(
                    "Đánh giá mức độ hài lòng của người dân, doanh nghiệp; công khai kết quả đánh giá",
                    [VP],
                    [TT, XA],
                    "Hằng quý",
                    r="Kết quả đánh giá",
                ),
                t(
                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tái sử dụng dữ liệu số hóa",
                    [SBN, TT, XA],
                    [KH],
                    "Thường xuyên",
                    r="Tỷ lệ số hóa đạt 100%",
                ),
                t(
                    "Triển khai thanh toán trực tuyến phí, lệ phí; miễn, giảm phí khi nộp hồ sơ trực tuyến theo Nghị quyết của HĐND thành phố",
                    ["Sở Tài chính"],
                    [SBN, XA],
                    "Trong năm 2026",
                    r="Nghị quyết của HĐND thành phố",
                ),
                t(
                    "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính thành phố; kết nối với các cơ sở dữ liệu chuyên ngành",
                    ["Sở Thông tin và Truyền thông"],
                    [VP, "Công an thành phố"],
                    "30/09/2026",
                    r="Hệ thống được nâng cấp",
                ),
            ],
        ),
        (
            "V",
            "PHẢN ÁNH, KIẾN NGHỊ; TRUYỀN THÔNG, TẬP HUẤN; KIỂM TRA",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính trên Hệ thống của Chính phủ và của thành phố",
                    [VP],
                    [SBN, XA],
                    "Thường xuyên",
                    r="Văn bản xử lý",
                ),
                t(
                    "Tuyên truyền về kiểm soát thủ tục hành chính, dịch vụ công trực tuyến",
                    ["Báo và Phát thanh, Truyền hình Cần Thơ"],
                    [VP],
                    "Trong năm 2026",
                    r="Tin, bài, phóng sự",
                ),
                t(
                    "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ đầu mối",
                    [VP],
                    [SBN, XA],
                    "Quý II/2026",
                    r="Lớp tập huấn",
                ),
                t(
                    "Kiểm tra công tác kiểm soát thủ tục hành chính tại các sở, ngành, địa phương",
                    [VP],
                    ["Sở Nội vụ"],
                    "Quý III/2026",
                    r="Thông báo kết luận kiểm tra",
                ),
            ],
        ),
        (
            "VI",
            "CHẾ ĐỘ BÁO CÁO",
            [
                t(
                    "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính hằng tháng",
                    [TT, XA],
                    [],
                    "Trước ngày 20 hằng tháng",
                    r="Báo cáo tháng",
                ),
                t(
                    "Báo cáo định kỳ quý, 6 tháng, năm về kiểm soát thủ tục hành chính",
                    [SBN, XA],
                    [],
                    "Chậm nhất ngày 19 tháng cuối quý",
                    r="Báo cáo định kỳ",
                ),
                t(
                    "Báo cáo của UBND thành phố gửi Văn phòng Chính phủ",
                    [VP],
                    [],
                    "Quý I: 22/3/2026; Quý II: 22/6/2026; Quý III: 22/9/2026; Năm: 22/12/2026",
                    r="Báo cáo của UBND thành phố",
                ),
                t("Báo cáo tổng kết năm 2026", [VP], [SBN, XA], "15/12/2026", r="Báo cáo năm"),
            ],
        ),
    ],
)

# ---------------------------------------------------------------- plan 8 (xlsx)
# Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng; one header row; numbers 1, 2 ... running
# through the sheet; section rows merged across.
BP = "Bộ phận Tiếp nhận và Trả kết quả"
PHC = "Phòng Hành chính - Tổng hợp"
PKS = "Phòng Kiểm soát và Giám sát"
PS = "Phòng Số hóa và Chuyển đổi số"
P8 = dict(
    stem="ld_ttpvhcc_2026",
    issuer="Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng",
    year=2026,
    number="15/KH-TTPVHCC",
    sections=[
        (
            "A",
            "Tổ chức, bộ máy và chỉ đạo điều hành",
            [
                t(
                    "Xây dựng Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa năm 2026 của Trung tâm",
                    [PHC],
                    [PKS],
                    "20/01/2026",
                    ref="A.1",
                ),
                t(
                    "Sắp xếp, bố trí công chức các sở, ngành làm việc tại Trung tâm và các điểm tiếp nhận tại Bảo Lộc, Gia Nghĩa, Phan Thiết sau hợp nhất tỉnh",
                    [PHC],
                    ["Các sở, ngành có thủ tục hành chính tiếp nhận tại Trung tâm"],
                    "Quý I/2026",
                    ref="A.2",
                ),
                t(
                    "Ban hành Nội quy, Quy chế hoạt động của Trung tâm (thay thế Quy chế của các tỉnh Lâm Đồng, Đắk Nông, Bình Thuận cũ)",
                    [PHC],
                    [PKS],
                    "31/03/2026",
                    ref="A.3",
                ),
            ],
        ),
        (
            "B",
            "Tiếp nhận, giải quyết thủ tục hành chính",
            [
                t(
                    "Tiếp nhận, hướng dẫn, trả kết quả hồ sơ thủ tục hành chính tại Trung tâm",
                    [BP],
                    [],
                    "Thường xuyên",
                    ref="B.4",
                ),
                t(
                    "Theo dõi, giám sát tiến độ giải quyết hồ sơ của các sở, ngành trên Hệ thống thông tin giải quyết thủ tục hành chính; nhắc nhở hồ sơ sắp đến hạn",
                    [PKS],
                    [],
                    "Thường xuyên",
                    ref="B.5",
                ),
                t(
                    "Thông báo danh sách hồ sơ trễ hạn, hồ sơ chưa xin lỗi đến các cơ quan có liên quan",
                    [PKS],
                    [],
                    "Ngày 10 hằng tháng",
                    ref="B.6",
                ),
                t(
                    "Hỗ trợ người dân nộp hồ sơ trực tuyến tại khu vực tự phục vụ; bố trí đoàn viên thanh niên hướng dẫn",
                    [BP],
                    ["Đoàn Thanh niên Trung tâm"],
                    "Thường xuyên",
                    ref="B.7",
                ),
                t(
                    "Tổ chức tiếp nhận hồ sơ thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh",
                    [BP],
                    [PKS, "Bưu điện tỉnh Lâm Đồng"],
                    "01/07/2026",
                    ref="B.8",
                ),
                t(
                    "Triển khai trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích",
                    [BP],
                    ["Bưu điện tỉnh Lâm Đồng"],
                    "Thường xuyên",
                    ref="B.9",
                ),
            ],
        ),
        (
            "C",
            "Số hóa và chuyển đổi số",
            [
                t(
                    "Số hóa 100% hồ sơ, giấy tờ khi tiếp nhận; cập nhật kết quả số hóa vào kho dữ liệu của tổ chức, cá nhân",
                    [PS],
                    [BP],
                    "Thường xuyên",
                    ref="C.10",
                ),
                t(
                    "Đề xuất nâng cấp chức năng của Hệ thống thông tin giải quyết thủ tục hành chính tỉnh sau hợp nhất dữ liệu của 03 tỉnh",
                    [PS],
                    ["Sở Khoa học và Công nghệ"],
                    "30/06/2026",
                    ref="C.11",
                ),
                t(
                    "Vận hành ki-ốt tra cứu, hệ thống xếp hàng tự động, đánh giá mức độ hài lòng bằng thiết bị điện tử",
                    [PS],
                    [],
                    "Thường xuyên",
                    ref="C.12",
                ),
                t(
                    "Thống kê tỷ lệ hồ sơ trực tuyến toàn trình, tỷ lệ thanh toán trực tuyến của từng sở, ngành",
                    [PS],
                    [PKS],
                    "Hàng tháng",
                    ref="C.13",
                ),
            ],
        ),
        (
            "D",
            "Phản ánh, kiến nghị và đánh giá chất lượng phục vụ",
            [
                t(
                    "Tiếp nhận phản ánh, kiến nghị tại Trung tâm qua hộp thư góp ý, đường dây nóng, Zalo OA của Trung tâm",
                    [PKS],
                    [BP],
                    "Thường xuyên",
                    ref="D.14",
                ),
                t(
                    "Tổng hợp kết quả đánh giá mức độ hài lòng của tổ chức, cá nhân",
                    [PKS],
                    [],
                    "Hàng quý",
                    ref="D.15",
                ),
                t(
                    "Khảo sát sự hài lòng của người dân, doanh nghiệp đối với Trung tâm năm 2026",
                    [PKS],
                    [PHC],
                    "Quý III/2026",
                    ref="D.16",
                ),
            ],
        ),
        (
            "E",
            "Truyền thông, đào tạo và báo cáo",
            [
                t(
                    "Đăng tải thông tin hoạt động của Trung tâm trên Cổng thông tin điện tử tỉnh và mạng xã hội",
                    [PHC],
                    [],
                    "Thường xuyên",
                    ref="E.17",
                ),
                t(
                    "Tổ chức tập huấn kỹ năng giao tiếp, ứng xử cho công chức tiếp nhận hồ sơ",
                    [PHC],
                    [BP],
                    "Quý II",
                    ref="E.18",
                ),
                t(
                    "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ hằng tháng gửi Văn phòng UBND tỉnh",
                    [PHC],
                    [PKS],
                    "Trước ngày 20 hằng tháng",
                    ref="E.19",
                ),
                t(
                    "Báo cáo quý, 6 tháng, năm về kết quả hoạt động của Trung tâm",
                    [PHC],
                    [PKS, PS],
                    "Chậm nhất ngày 18 tháng cuối quý",
                    ref="E.20",
                ),
                t(
                    "Báo cáo tổng kết năm 2026, xây dựng Kế hoạch năm 2027",
                    [PHC],
                    ["Các phòng thuộc Trung tâm"],
                    "10/12/2026",
                    ref="E.21",
                ),
            ],
        ),
    ],
)

# ---------------------------------------------------------------- plan 9 (docx, auto-numbered I / 1 / a)
# Sở Y tế tỉnh Khánh Hòa. Word numbering: level 0 "I." sections, level 1 "1." sub-sections
# (title rows), level 2 "a)" tasks. ref = I.1.a.
VPS = "Văn phòng Sở"
NV = "Phòng Nghiệp vụ Y"
DUOC = "Phòng Nghiệp vụ Dược"
BTXH = "Phòng Bảo trợ xã hội và Trẻ em"
PCM = "Các phòng chức năng thuộc Sở"
P9 = dict(
    stem="kh_syt_2026",
    issuer="Sở Y tế tỉnh Khánh Hòa",
    year=2026,
    number="88/KH-SYT",
    sections=[
        (
            "I.1",
            "Ban hành văn bản",
            [
                t(
                    "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 của Sở Y tế.",
                    [VPS],
                    [PCM],
                    "Tháng 01/2026",
                    r="Kế hoạch",
                    ref="I.1.a",
                ),
                t(
                    "Kiện toàn công chức đầu mối kiểm soát thủ tục hành chính, bổ sung công chức lĩnh vực bảo trợ xã hội tiếp nhận từ Sở Lao động - Thương binh và Xã hội.",
                    [VPS],
                    [BTXH],
                    "Quý I/2026",
                    r="Quyết định kiện toàn",
                    ref="I.1.b",
                ),
            ],
        ),
        (
            "I.2",
            "Kiểm soát quy định thủ tục hành chính",
            [
                t(
                    "Đánh giá tác động thủ tục hành chính khi tham mưu dự thảo văn bản quy phạm pháp luật lĩnh vực y tế, bảo trợ xã hội.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Báo cáo đánh giá tác động",
                    ref="I.2.a",
                ),
                t(
                    "Lấy ý kiến Văn phòng UBND tỉnh về quy định thủ tục hành chính trong dự thảo trước khi gửi thẩm định.",
                    [PCM],
                    ["Văn phòng UBND tỉnh"],
                    "Thường xuyên",
                    r="Văn bản lấy ý kiến",
                    ref="I.2.b",
                ),
            ],
        ),
        (
            "II.1",
            "Công bố, công khai",
            [
                t(
                    "Dự thảo Quyết định công bố danh mục thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh, dược, trang thiết bị y tế, bảo trợ xã hội.",
                    [NV, DUOC, BTXH],
                    [VPS],
                    "Thường xuyên",
                    r="Dự thảo Quyết định công bố",
                    ref="II.1.a",
                ),
                t(
                    "Niêm yết, công khai thủ tục hành chính, quy trình nội bộ tại Trung tâm Phục vụ hành chính công tỉnh và trên Cổng thông tin điện tử Sở Y tế.",
                    [VPS],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Thủ tục được công khai",
                    ref="II.1.b",
                ),
                t(
                    "Xây dựng quy trình nội bộ, quy trình điện tử đối với thủ tục hành chính mới công bố, gửi Văn phòng UBND tỉnh thẩm định trong 05 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Dự thảo quy trình nội bộ",
                    dit="trong 05 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực",
                    ref="II.1.c",
                ),
            ],
        ),
        (
            "II.2",
            "Rà soát, đơn giản hóa",
            [
                t(
                    "Rà soát thủ tục hành chính cấp giấy phép hành nghề, giấy phép hoạt động khám bệnh, chữa bệnh; đề xuất cắt giảm thời gian giải quyết.",
                    [NV],
                    [VPS],
                    "Quý II/2026",
                    r="Báo cáo rà soát",
                    ref="II.2.a",
                ),
                t(
                    "Rà soát thủ tục hành chính lĩnh vực dược, mỹ phẩm.",
                    [DUOC],
                    [VPS],
                    "Quý II/2026",
                    r="Báo cáo rà soát",
                    ref="II.2.b",
                ),
                t(
                    "Rà soát thủ tục hành chính lĩnh vực bảo trợ xã hội, trẻ em; đề xuất phân cấp cho UBND cấp xã.",
                    [BTXH],
                    [VPS],
                    "Quý III/2026",
                    r="Báo cáo rà soát, phương án phân cấp",
                    ref="II.2.c",
                ),
                t(
                    "Tổng hợp phương án đơn giản hóa của Sở gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [NV, DUOC, BTXH],
                    "Trước ngày 15/8/2026",
                    r="Báo cáo tổng hợp",
                    ref="II.2.d",
                ),
            ],
        ),
        (
            "II.3",
            "Giải quyết thủ tục hành chính",
            [
                t(
                    "Giải quyết hồ sơ thủ tục hành chính đúng hạn, trực tuyến toàn trình; không yêu cầu người dân nộp giấy tờ đã có trong cơ sở dữ liệu.",
                    [PCM],
                    [],
                    "Thường xuyên",
                    r="Tỷ lệ hồ sơ đúng hạn trên 98%",
                    ref="II.3.a",
                ),
                t(
                    "Số hóa, ký số kết quả giải quyết thủ tục hành chính.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Kết quả điện tử",
                    ref="II.3.b",
                ),
                t(
                    "Kết nối liên thông dữ liệu giấy chứng sinh, giấy báo tử với Hệ thống đăng ký hộ tịch điện tử.",
                    [NV],
                    ["Sở Tư pháp", "Công an tỉnh"],
                    "Quý III, Quý IV",
                    r="Dữ liệu được liên thông",
                    ref="II.3.c",
                ),
            ],
        ),
        (
            "III.1",
            "Phản ánh, kiến nghị và truyền thông",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân liên quan đến thủ tục hành chính của ngành y tế.",
                    ["Thanh tra Sở"],
                    [PCM],
                    "Thường xuyên",
                    r="Văn bản trả lời",
                    ref="III.1.a",
                ),
                t(
                    "Tuyên truyền dịch vụ công trực tuyến lĩnh vực y tế trên Cổng thông tin điện tử và trang mạng xã hội của Sở.",
                    [VPS],
                    ["Trung tâm Kiểm soát bệnh tật tỉnh"],
                    "Trong năm 2026",
                    r="Tin, bài, infographic",
                    ref="III.1.b",
                ),
            ],
        ),
        (
            "III.2",
            "Thông tin, báo cáo",
            [
                t(
                    "Báo cáo kết quả kiểm soát thủ tục hành chính định kỳ quý, 6 tháng, năm gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Chậm nhất ngày 19 tháng cuối quý",
                    r="Báo cáo",
                    ref="III.2.a",
                ),
                t(
                    "Báo cáo tình hình giải quyết thủ tục hành chính trên Hệ thống hằng tháng.",
                    [VPS],
                    [PCM],
                    "Trước ngày 20 hằng tháng",
                    r="Báo cáo tháng",
                    ref="III.2.b",
                ),
            ],
        ),
    ],
)
