"""A plan written for these tests in the usual layout of a provincial kế hoạch, and the
same plan as the files it is published in: Markdown, .docx, a text PDF, a scanned PDF
and a saved web page. Built at test time; nothing here comes from a real document.
"""
from __future__ import annotations

from pathlib import Path

ISSUER = ("ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
NUMBER_LINE = "Số: 617/KH-UBND"
DATE_LINE = "Hà Giang, ngày 12 tháng 3 năm 2025"
TITLE = ("KẾ HOẠCH", "NÂNG CAO CHẤT LƯỢNG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "TRÊN ĐỊA BÀN TỈNH NĂM 2025")
BODY = [
    "Căn cứ Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ; Ủy ban nhân dân tỉnh ban hành "
    "Kế hoạch nâng cao chất lượng giải quyết thủ tục hành chính trên địa bàn tỉnh năm 2025 như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính.",
    "2. Chỉ tiêu",
    "Phấn đấu đến năm 2025 đạt được các chỉ tiêu sau:",
    "- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt tối thiểu 98%;",
    "- Tỷ lệ hồ sơ được số hóa kết quả giải quyết đạt 100%;",
    "- Mức độ hài lòng của người dân, doanh nghiệp đạt trên 95%.",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "1. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh hướng dẫn các cơ quan rà soát "
    "quy trình nội bộ, hoàn thành trước ngày 30/6/2025.",
    "2. Sở Khoa học và Công nghệ có trách nhiệm bảo đảm hạ tầng kỹ thuật cho Cổng dịch vụ công của tỉnh.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ hằng quý báo cáo "
    "Chủ tịch UBND tỉnh.",
    "2. Các sở, ban, ngành báo cáo kết quả thực hiện trước ngày 15/12/2025.",
]
SIGNATURE = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Sơn")
RECIPIENTS = ("Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- Lưu: VT.")
TASK_HEADER = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
TASKS = (
    ("1", "Công khai thủ tục hành chính trên Cổng dịch vụ công", "Văn phòng UBND tỉnh", "Các sở, ban, ngành",
     "Quý II/2025"),
    ("2", "Tập huấn kỹ năng số cho công chức bộ phận một cửa", "Sở Khoa học và Công nghệ", "Sở Nội vụ",
     "Quý III/2025"),
)
APPENDIX = ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ")


def text_lines() -> list[str]:
    """The plan as plain text, one paragraph a line (no table)."""
    return [*ISSUER, *MOTTO, NUMBER_LINE, DATE_LINE, *TITLE, *BODY, *RECIPIENTS, *SIGNATURE]


def write_markdown(path: Path, wrap: int = 0) -> Path:
    """The plan as Markdown, with its task table; ``wrap`` hard-wraps lines at that width."""
    lines = [f"| **{ISSUER[0]}**<br>{ISSUER[1]} | **{MOTTO[0]}** |", "|---|---|",
             f"| {NUMBER_LINE} | *{DATE_LINE}* |", "", *(f"**{t}**" for t in TITLE[:1]), *TITLE[1:], ""]
    for para in BODY:
        lines += _wrap(para, wrap) + [""]
    lines += [f"**{APPENDIX[0]}**", APPENDIX[1], "", "| " + " | ".join(TASK_HEADER) + " |",
              "|" + "---|" * len(TASK_HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in TASKS]
    lines += ["", *RECIPIENTS, "", *SIGNATURE, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _wrap(text: str, width: int) -> list[str]:
    if not width:
        return [text]
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return out + [line]


def write_docx(path: Path) -> Path:
    """The plan as a Word document: the header in a two-column table, the task table."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "\n".join(ISSUER)
    header.cell(0, 1).text = "\n".join(MOTTO)
    header.cell(1, 0).text = NUMBER_LINE
    header.cell(1, 1).text = DATE_LINE
    for line in (*TITLE, *BODY, *APPENDIX):
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(TASKS), cols=len(TASK_HEADER))
    for j, label in enumerate(TASK_HEADER):
        table.cell(0, j).text = label
    for i, row in enumerate(TASKS, start=1):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "\n".join(RECIPIENTS)
    footer.cell(0, 1).text = "\n".join(SIGNATURE)
    document.save(str(path))
    return path


def write_html(path: Path) -> Path:
    """The plan as a saved web page: site menus around it, the header and tasks as tables."""
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in TASKS)
    body = "".join(f"<p>{escape(p)}</p>" for p in BODY)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Kế hoạch 617</title>
<script>var tracking = 1;</script></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/van-ban">Văn bản</a></nav>
<div class="noidung">
<table><tr><td><b>{ISSUER[0]}</b><br>{ISSUER[1]}</td><td><b>{MOTTO[0]}</b><br>{MOTTO[1]}</td></tr>
<tr><td>{NUMBER_LINE}</td><td><i>{DATE_LINE}</i></td></tr></table>
<p><b>{TITLE[0]}</b><br>{TITLE[1]}<br>{TITLE[2]}</p>
{body}
<p><b>{APPENDIX[0]}</b><br>{APPENDIX[1]}</p>
<table><tr>{"".join(f"<th>{escape(h)}</th>" for h in TASK_HEADER)}</tr>{rows}</table>
<table><tr><td>{"<br>".join(RECIPIENTS)}</td><td>{"<br>".join(SIGNATURE)}</td></tr></table>
</div>
<footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh. Liên hệ: 0219 000 000</footer>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def _font_path() -> str:
    """A TrueType font with Vietnamese letters: DejaVu Sans, shipped with matplotlib."""
    import matplotlib

    return str(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")


PAGE_W, PAGE_H, MARGIN, SIZE, LEADING = 595, 842, 56, 11, 16  # A4 in points


def _layout() -> list[list[tuple[float, str]]]:
    """Pages of (x, line) as a two-column header then wrapped paragraphs; page breaks as a
    printed plan would have them, with a running footer and page numbers."""
    half = PAGE_W / 2
    rows: list[list[tuple[float, str]]] = [
        [(MARGIN, ISSUER[0]), (half, MOTTO[0])], [(MARGIN, ISSUER[1]), (half, MOTTO[1])],
        [(MARGIN, NUMBER_LINE), (half, DATE_LINE)], [], *([(MARGIN, t)] for t in TITLE), []]
    for para in (*BODY, *RECIPIENTS):
        rows += [[(MARGIN, line)] for line in _wrap(para, 80)]
    rows += [[], *([(half, s)] for s in SIGNATURE)]
    per_page = min(int((PAGE_H - 2 * MARGIN) / LEADING) - 2, len(rows) // 2 + 1)  # two pages at least
    return [rows[i:i + per_page] for i in range(0, len(rows), per_page)]


def write_text_pdf(path: Path) -> Path:
    """The plan as a PDF with a text layer (reportlab), two pages, footer and page numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", _font_path()))
    pages = _layout()
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for number, rows in enumerate(pages, start=1):
        pdf.setFont("DejaVuSans", SIZE)
        y = PAGE_H - MARGIN
        for row in rows:
            for x, line in row:
                pdf.drawString(x, y, line)
            y -= LEADING
        pdf.drawString(MARGIN, 30, "Cổng thông tin điện tử tỉnh Hà Giang")
        pdf.drawString(PAGE_W - MARGIN, 30, str(number))
        pdf.showPage()
    pdf.save()
    return path


def write_scanned_pdf(path: Path, dpi: int = 200) -> Path:
    """The plan as an image-only PDF, as a scanner makes it: pages rendered to pictures."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    font = ImageFont.truetype(_font_path(), int(SIZE * scale))
    images = []
    for number, rows in enumerate(_layout(), start=1):
        image = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 255)
        draw = ImageDraw.Draw(image)
        y = MARGIN
        for row in rows:
            for x, line in row:
                draw.text((x * scale, y * scale), line, font=font, fill=0)
            y += LEADING
        draw.text((MARGIN * scale, (PAGE_H - 40) * scale), str(number), font=font, fill=0)
        images.append(image.convert("RGB"))
    images[0].save(str(path), "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path
