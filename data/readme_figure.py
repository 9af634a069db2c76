"""The picture at the top of README.md, from four stored runs (see data/README.md): python data/readme_figure.py"""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent/'results'
PANELS = [('batch1/recon.png', 'one image, vit-p4\nclosed form'),  # two short lines: the batch-1 panel is narrow
          ('p8-batch2/recon.png', 'two images, vit-p8\nsemi-analytic'),
          ('demo/recon.png', 'four images, vit-p4\noptimisation'),
          ('p8-batch4/set1.png', 'four images, vit-p8\nbest of five sets')]

def main(out=HERE/'readme.png'):
    "Stack the four runs' pictures (originals over reconstructions) side by side, each with a caption."
    ims = [Image.open(HERE/p).convert('RGB') for p, _ in PANELS]
    font = ImageFont.load_default(size=14); cap, gap = 40, 24
    W = sum(im.width for im in ims) + gap * (len(ims) - 1); H = max(im.height for im in ims) + cap
    canvas = Image.new('RGB', (W, H), 'white'); draw = ImageDraw.Draw(canvas); x = 0
    for im, (_, text) in zip(ims, PANELS):
        canvas.paste(im, (x, cap)); draw.multiline_text((x + 2, 2), text, fill='black', font=font); x += im.width + gap
    tmp = out.with_suffix('.tmp.png'); canvas.save(tmp); tmp.replace(out)  # whole or not at all
    print(f'wrote {out} ({W}x{H})')

if __name__ == '__main__': main()
