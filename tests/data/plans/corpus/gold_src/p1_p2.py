"""Gold of plans 1-2, written by hand (row by row) before any document was built."""

from common import t

SBN = "Các sở, ban, ngành tỉnh"
VP = "Văn phòng UBND tỉnh"
XA = "UBND các xã, phường"
TT = "Trung tâm Phục vụ hành chính công tỉnh"

# ---------------------------------------------------------------- plan 1
P1 = dict(
    stem="tq_ubnd_2026",
    issuer="UBND tỉnh Tuyên Quang",
    year=2026,
    number="18/KH-UBND",
    sections=[
        (
            "I",
            "Công tác chỉ đạo, điều hành",
            [
                t(
                    "Xây dựng, ban hành Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026 của cơ quan, đơn vị, địa phương.",
                    [SBN, XA],
                    [VP],
                    "Tháng 01/2026",
                    r="Kế hoạch của cơ quan, đơn vị, địa phương",
                ),
                t(
                    "Kiện toàn đội ngũ cán bộ, công chức làm đầu mối thực hiện nhiệm vụ kiểm soát thủ tục hành chính tại các cơ quan, đơn vị, địa phương sau sắp xếp tổ chức bộ máy.",
                    [SBN, XA],
                    [VP],
                    "Quý I/2026",
                    r="Quyết định kiện toàn; danh sách cán bộ đầu mối gửi Văn phòng UBND tỉnh",
                ),
                t(
                    "Ban hành văn bản chỉ đạo, đôn đốc, hướng dẫn triển khai các văn bản của Chính phủ, Thủ tướng Chính phủ, Văn phòng Chính phủ về kiểm soát thủ tục hành chính, cải cách thủ tục hành chính.",
                    [VP],
                    [SBN, XA],
                    "Thường xuyên",
                    r="Văn bản chỉ đạo, hướng dẫn",
                ),
            ],
        ),
        (
            "II",
            "Kiểm soát việc ban hành quy định thủ tục hành chính",
            [
                t(
                    "Đánh giá tác động thủ tục hành chính trong lập đề nghị xây dựng văn bản quy phạm pháp luật và dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính.",
                    ["Cơ quan được giao chủ trì soạn thảo"],
                    ["Sở Tư pháp", VP],
                    "Theo tiến độ xây dựng văn bản",
                    r="Biểu mẫu đánh giá tác động; hồ sơ dự thảo văn bản",
                ),
                t(
                    "Có ý kiến đối với quy định thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật trước khi gửi Sở Tư pháp thẩm định.",
                    [VP],
                    ["Cơ quan được giao chủ trì soạn thảo"],
                    "Trong thời gian 05 ngày làm việc kể từ ngày nhận đủ hồ sơ",
                    r="Văn bản góp ý",
                ),
                t(
                    "Thẩm định quy định thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh.",
                    ["Sở Tư pháp"],
                    [VP],
                    "Thường xuyên",
                    r="Báo cáo thẩm định",
                ),
            ],
        ),
        (
            "III",
            "Công bố, công khai thủ tục hành chính",
            [
                t(
                    "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ thuộc phạm vi quản lý, trình Chủ tịch UBND tỉnh công bố chậm nhất 05 ngày làm việc kể từ ngày văn bản của Bộ, ngành có hiệu lực.",
                    [SBN],
                    [VP],
                    "Thường xuyên",
                    r="Quyết định công bố của Chủ tịch UBND tỉnh",
                    dit="chậm nhất 05 ngày làm việc kể từ ngày văn bản của Bộ, ngành có hiệu lực",
                ),
                t(
                    "Kiểm soát chất lượng hồ sơ dự thảo Quyết định công bố danh mục thủ tục hành chính trước khi trình Chủ tịch UBND tỉnh.",
                    [VP],
                    [],
                    "Thường xuyên",
                    r="Văn bản kiểm soát chất lượng",
                    inf=["deadline"],
                ),
                t(
                    "Cập nhật, công khai thủ tục hành chính đã được công bố trên Cơ sở dữ liệu quốc gia về thủ tục hành chính; đồng bộ lên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [VP],
                    [SBN, "Sở Khoa học và Công nghệ"],
                    "Thường xuyên",
                    r="Dữ liệu thủ tục hành chính được cập nhật, công khai",
                    inf=["deadline"],
                ),
                t(
                    "Niêm yết, công khai đầy đủ, kịp thời thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp xã; công khai trên Cổng thông tin điện tử của cơ quan, đơn vị.",
                    [TT, XA],
                    [SBN],
                    "Thường xuyên",
                    r="Thủ tục hành chính được công khai đúng quy định",
                    inf=["deadline"],
                ),
            ],
        ),
        (
            "IV",
            "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Xây dựng, trình ban hành Kế hoạch rà soát, đánh giá quy định, thủ tục hành chính năm 2026 trên địa bàn tỉnh.",
                    [VP],
                    [SBN, XA],
                    "Trước 31/3/2026",
                    r="Kế hoạch của UBND tỉnh",
                ),
                t(
                    "Thực hiện rà soát, đánh giá quy định, thủ tục hành chính theo Kế hoạch; đề xuất phương án đơn giản hóa, cắt giảm thành phần hồ sơ, thời gian giải quyết.",
                    [SBN, XA],
                    [VP],
                    "Trước 31/8/2026",
                    r="Báo cáo kết quả rà soát, phương án đơn giản hóa",
                ),
                t(
                    "Tổng hợp kết quả rà soát, trình Chủ tịch UBND tỉnh thông qua phương án đơn giản hóa thủ tục hành chính.",
                    [VP],
                    [SBN],
                    "Quý IV/2026",
                    r="Quyết định thông qua phương án đơn giản hóa",
                ),
                t(
                    "Rà soát, thống kê, công bố thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước trên địa bàn tỉnh; đề xuất phương án đơn giản hóa.",
                    [SBN, XA],
                    [VP],
                    "Theo lộ trình Kế hoạch",
                    r="Quyết định công bố thủ tục hành chính nội bộ",
                ),
            ],
        ),
        (
            "V",
            "Thực hiện cơ chế một cửa, một cửa liên thông và giải quyết thủ tục hành chính trên môi trường điện tử",
            [
                t(
                    "Xây dựng, trình phê duyệt quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính thuộc thẩm quyền; cấu hình quy trình điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [SBN],
                    [VP, "Sở Khoa học và Công nghệ"],
                    "Thường xuyên",
                    r="Quyết định phê duyệt quy trình nội bộ",
                ),
                t(
                    "Tiếp nhận, giải quyết và trả kết quả hồ sơ thủ tục hành chính đúng quy định; không để hồ sơ trễ hạn; thực hiện xin lỗi người dân, doanh nghiệp khi để xảy ra trễ hạn.",
                    [SBN, TT, XA],
                    [],
                    "Thường xuyên",
                    r="Tỷ lệ hồ sơ đúng hạn đạt trên 98%",
                    inf=["deadline"],
                ),
                t(
                    "Số hóa hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính trong quá trình tiếp nhận, giải quyết; tái sử dụng dữ liệu đã số hóa.",
                    [SBN, TT, XA],
                    ["Sở Khoa học và Công nghệ"],
                    "Thường xuyên",
                    r="Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
                    inf=["lead", "deadline"],
                ),
                t(
                    "Vận hành, nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh; bảo đảm kết nối, chia sẻ dữ liệu với Cổng Dịch vụ công quốc gia, Cơ sở dữ liệu quốc gia về dân cư.",
                    ["Sở Khoa học và Công nghệ"],
                    [VP, "Công an tỉnh"],
                    "Thường xuyên",
                    r="Hệ thống vận hành ổn định, thông suốt",
                    inf=["deadline"],
                ),
                t(
                    "Đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp theo thời gian thực trên môi trường điện tử.",
                    [VP],
                    [SBN, XA],
                    "Hằng quý",
                    r="Kết quả đánh giá công khai trên Cổng Dịch vụ công",
                ),
                t(
                    "Triển khai cung cấp dịch vụ công trực tuyến toàn trình, một phần; đẩy mạnh thanh toán trực tuyến phí, lệ phí.",
                    [SBN, XA],
                    ["Sở Khoa học và Công nghệ", "Sở Tài chính"],
                    "Trong năm 2026",
                    r="Tỷ lệ hồ sơ trực tuyến đạt chỉ tiêu giao",
                ),
            ],
        ),
        (
            "VI",
            "Tiếp nhận, xử lý phản ánh, kiến nghị; truyền thông, tập huấn",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và hành vi hành chính trên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị.",
                    [VP],
                    [SBN, XA],
                    "Thường xuyên",
                    r="Văn bản xử lý phản ánh, kiến nghị",
                ),
                t(
                    "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ đầu mối và công chức Bộ phận Một cửa cấp xã sau sắp xếp.",
                    [VP],
                    [TT, XA],
                    "Quý II, III/2026",
                    r="Hội nghị tập huấn",
                ),
                t(
                    "Tuyên truyền về công tác kiểm soát thủ tục hành chính, dịch vụ công trực tuyến trên báo chí, hệ thống thông tin cơ sở.",
                    ["Báo và Phát thanh, Truyền hình Tuyên Quang"],
                    [VP, XA],
                    "Trong năm 2026",
                    r="Tin, bài, chuyên mục",
                ),
            ],
        ),
        (
            "VII",
            "Kiểm tra và chế độ thông tin, báo cáo",
            [
                t(
                    "Xây dựng Kế hoạch và tổ chức kiểm tra hoạt động kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông tại các cơ quan, địa phương.",
                    [VP],
                    ["Sở Nội vụ"],
                    "Quý II, Quý III",
                    r="Kế hoạch kiểm tra; thông báo kết luận kiểm tra",
                ),
                t(
                    "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông định kỳ hằng quý, 6 tháng, năm.",
                    [SBN, XA],
                    [],
                    "Chậm nhất ngày 19 tháng cuối quý",
                    r="Báo cáo định kỳ gửi Văn phòng UBND tỉnh",
                ),
                t(
                    "Tổng hợp, xây dựng báo cáo của UBND tỉnh về tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính gửi Văn phòng Chính phủ.",
                    [VP],
                    [SBN],
                    "Quý I chậm nhất ngày 22/3/2026; Quý II chậm nhất ngày 22/6/2026; Quý III chậm nhất ngày 22/9/2026; Năm chậm nhất ngày 22/12/2026",
                    r="Báo cáo của UBND tỉnh",
                ),
                t(
                    "Báo cáo tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [TT, XA],
                    [],
                    "Trước ngày 20 hằng tháng",
                    r="Báo cáo tháng",
                ),
            ],
        ),
    ],
)

# ---------------------------------------------------------------- plan 2
# Văn phòng UBND tỉnh Lào Cai; product written in the content cell.
CM = "Các phòng, đơn vị thuộc Văn phòng"
P2 = dict(
    stem="lc_vpubnd_2026",
    issuer="Văn phòng UBND tỉnh Lào Cai",
    year=2026,
    number="46/KH-VP",
    sections=[
        (
            "I",
            "Tham mưu ban hành văn bản chỉ đạo, điều hành",
            [
                t(
                    "Tham mưu Chủ tịch UBND tỉnh ban hành Kế hoạch kiểm soát thủ tục hành chính, Kế hoạch rà soát, đánh giá thủ tục hành chính và Kế hoạch truyền thông về kiểm soát thủ tục hành chính năm 2026.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Phòng Tổng hợp"],
                    "Quý I/2026",
                    r="Quyết định của Chủ tịch UBND tỉnh",
                ),
                t(
                    "Tham mưu văn bản đôn đốc các sở, ngành, UBND các xã, phường thực hiện nhiệm vụ kiểm soát thủ tục hành chính sau hợp nhất tỉnh.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [],
                    "Thường xuyên",
                    r="Văn bản đôn đốc của UBND tỉnh",
                ),
                t(
                    "Tham mưu kiện toàn danh sách cán bộ đầu mối kiểm soát thủ tục hành chính của các cơ quan, địa phương; cập nhật danh sách trên Cổng thông tin điện tử tỉnh.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Phòng Hành chính - Tổ chức"],
                    "Tháng 3/2026",
                    r="Quyết định phê duyệt danh sách cán bộ đầu mối",
                ),
            ],
        ),
        (
            "II",
            "Kiểm soát chất lượng quy định và công bố thủ tục hành chính",
            [
                t(
                    "Góp ý quy định thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật do các sở, ngành gửi lấy ý kiến.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Phòng Pháp chế - Nội chính"],
                    "Thường xuyên",
                    r="Văn bản góp ý",
                ),
                t(
                    "Kiểm soát chất lượng hồ sơ trình công bố danh mục thủ tục hành chính; trình Chủ tịch UBND tỉnh ký ban hành Quyết định công bố.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [],
                    "Thường xuyên",
                    r="Quyết định công bố danh mục TTHC",
                ),
                t(
                    "Nhập, đăng tải, công khai thủ tục hành chính đã công bố trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Sở Khoa học và Công nghệ"],
                    "Trong 02 ngày làm việc kể từ ngày Quyết định công bố được ký",
                    r="Dữ liệu TTHC được công khai",
                ),
                t(
                    "Rà soát, đề xuất danh mục thủ tục hành chính thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Quý II/2026",
                    r="Quyết định phê duyệt danh mục",
                ),
            ],
        ),
        (
            "III",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Hướng dẫn, đôn đốc các sở, ngành, UBND các xã, phường thực hiện rà soát, đánh giá thủ tục hành chính theo Kế hoạch năm 2026.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [],
                    "Quý II, III/2026",
                    r="Văn bản hướng dẫn, đôn đốc",
                ),
                t(
                    "Tổng hợp phương án đơn giản hóa thủ tục hành chính, trình Chủ tịch UBND tỉnh thông qua và gửi Bộ, ngành xem xét.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Phòng Tổng hợp"],
                    "Trước 30/9/2026",
                    r="Quyết định thông qua phương án đơn giản hóa",
                ),
                t(
                    "Theo dõi việc thực thi phương án phân cấp giải quyết thủ tục hành chính đã được phê duyệt.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [CM],
                    "6 tháng cuối năm",
                    r="Báo cáo kết quả thực thi",
                ),
            ],
        ),
        (
            "IV",
            "Cơ chế một cửa, một cửa liên thông; thủ tục hành chính trên môi trường điện tử",
            [
                t(
                    "Theo dõi, hướng dẫn Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp xã tổ chức tiếp nhận, trả kết quả thủ tục hành chính.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Văn bản hướng dẫn",
                ),
                t(
                    "Theo dõi Bộ chỉ số phục vụ người dân, doanh nghiệp của tỉnh trên Cổng Dịch vụ công quốc gia; tham mưu giải pháp cải thiện các chỉ số thấp điểm.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Sở Khoa học và Công nghệ"],
                    "Hàng tháng",
                    r="Báo cáo phân tích Bộ chỉ số",
                ),
                t(
                    "Phối hợp với Sở Khoa học và Công nghệ (trước đây là Sở Thông tin và Truyền thông) hoàn thiện tính năng số hóa, lưu trữ kết quả giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết TTHC tỉnh.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Sở Khoa học và Công nghệ"],
                    "Quý III/2026",
                    r="Tính năng được hoàn thiện, đưa vào sử dụng",
                ),
                t(
                    "Theo dõi, đôn đốc xử lý hồ sơ quá hạn trên Hệ thống; thông báo danh sách cơ quan có hồ sơ trễ hạn.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Ngày 05 hằng tháng",
                    r="Thông báo của Văn phòng UBND tỉnh",
                ),
            ],
        ),
        (
            "V",
            "Phản ánh, kiến nghị; truyền thông; kiểm tra",
            [
                t(
                    "Tiếp nhận, phân loại, chuyển xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về quy định hành chính.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [],
                    "Thường xuyên",
                    r="Phiếu chuyển, văn bản trả lời",
                ),
                t(
                    'Xây dựng chuyên mục "Cải cách thủ tục hành chính" trên Cổng thông tin điện tử tỉnh; cung cấp tin, bài về kết quả kiểm soát thủ tục hành chính.',
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Trung tâm Thông tin - Công báo"],
                    "Hằng quý",
                    r="Tin, bài đăng tải",
                ),
                t(
                    "Tổ chức hội nghị tập huấn nghiệp vụ kiểm soát thủ tục hành chính năm 2026 cho cán bộ đầu mối các sở, ngành và UBND các xã, phường.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Phòng Hành chính - Tổ chức", "Phòng Quản trị - Tài vụ"],
                    "Quý II/2026",
                    r="Hội nghị tập huấn",
                ),
                t(
                    "Tham gia Đoàn kiểm tra công tác cải cách hành chính, kiểm soát thủ tục hành chính tại các cơ quan, địa phương.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    ["Sở Nội vụ"],
                    "Theo Kế hoạch kiểm tra của UBND tỉnh",
                    r="Báo cáo kết quả kiểm tra",
                ),
            ],
        ),
        (
            "VI",
            "Chế độ thông tin, báo cáo",
            [
                t(
                    "Tổng hợp báo cáo kết quả kiểm soát thủ tục hành chính của tỉnh định kỳ quý, 6 tháng, năm gửi Văn phòng Chính phủ.",
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    [],
                    "Trước ngày 22 tháng cuối quý",
                    r="Báo cáo của UBND tỉnh trên Hệ thống quản lý và đánh giá về kiểm soát TTHC",
                ),
                t(
                    "Báo cáo tình hình thực hiện Kế hoạch này của Văn phòng.",
                    [CM],
                    ["Phòng Kiểm soát thủ tục hành chính"],
                    "Trước ngày 15/12/2026",
                    r="Báo cáo năm",
                ),
            ],
        ),
    ],
)
