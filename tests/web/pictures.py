"""Screenshots for the web tests: OCR words (tesseract) and a pixel comparison."""
import re
import subprocess


def ocr_words(png):
    text = subprocess.run(["tesseract", str(png), "-", "--psm", "3"], capture_output=True,
                          text=True).stdout
    return [word.lower() for word in re.findall(r"[A-Za-z][A-Za-z0-9-]*", text)]


def different_fraction(a, b, threshold=48):
    """The share of pixels whose colour differs by more than threshold in any channel
    (ImageMagick's fuzz), at the smaller of the two sizes."""
    size = subprocess.run(["identify", "-format", "%wx%h", str(a)], capture_output=True,
                          text=True, check=True).stdout
    width, height = (int(n) for n in size.split("x"))
    result = subprocess.run(["compare", "-metric", "AE", "-fuzz", f"{threshold * 100 // 255}%",
                             str(a), str(b), "null:"], capture_output=True, text=True)
    try:
        different = float(result.stderr.split()[0])
    except (IndexError, ValueError):
        return 1.0
    return different / (width * height)
