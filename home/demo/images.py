"""Artwork for the demo site, drawn with Pillow when the command runs.

Nothing is downloaded: every picture is a flat, poster-style illustration made of gradients and simple shapes,
so the demo has no licensing questions and works offline. Drawing is deterministic, which keeps the files the
same from one machine to the next.
"""

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900
# Shapes are drawn at twice the size and scaled down, which smooths their edges.
SCALE = 2

NAVY = (22, 42, 74)
SEA = (26, 94, 138)
TEAL = (38, 140, 150)
SAND = (240, 214, 170)
CORAL = (232, 106, 84)
GOLD = (236, 178, 62)
CREAM = (250, 244, 232)
WHITE = (255, 255, 255)
INK = (30, 32, 40)
EU_BLUE = (0, 51, 153)
EU_YELLOW = (255, 204, 0)


@dataclass(frozen=True)
class DemoImage:
    """One picture: its title (the key the command finds it by), its alt text and how to draw it."""

    key: str
    title: str
    description: str
    draw: object
    format: str = "JPEG"

    @property
    def filename(self):
        return f"demo-{self.key}.{'png' if self.format == 'PNG' else 'jpg'}"

    def render(self):
        """The picture as bytes, ready to be saved as a Wagtail image."""
        canvas = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), WHITE)
        self.draw(canvas)
        picture = canvas.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        if self.format == "PNG":
            picture.save(buffer, format="PNG", optimize=True)
        else:
            picture.save(buffer, format="JPEG", quality=86, optimize=True, progressive=True)
        return buffer.getvalue()


# Drawing helpers. Coordinates are given on the 1600x900 grid and scaled here.


def s(*values):
    return [round(value * SCALE) for value in values]


def mix(colour_a, colour_b, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(colour_a, colour_b, strict=True))


def vertical_gradient(canvas, top, bottom, y_from=0, y_to=HEIGHT):
    draw = ImageDraw.Draw(canvas)
    start, end = round(y_from * SCALE), round(y_to * SCALE)
    for y in range(start, end):
        draw.line([(0, y), (canvas.width, y)], fill=mix(top, bottom, (y - start) / max(end - start - 1, 1)))


def font(size):
    return ImageFont.load_default(size=size * SCALE)


def glow(canvas, centre, radius, colour, strength=0.55):
    """A soft light, such as a low sun, blended over what is already drawn."""
    layer = Image.new("RGB", canvas.size, colour)
    mask = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(mask).ellipse(s(centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), 255)
    mask = mask.filter(ImageFilter.GaussianBlur(radius * SCALE / 2)).point(lambda value: round(value * strength))
    canvas.paste(layer, (0, 0), mask)


def waves(draw, y, colour, count=6, amplitude=6, spacing=26):
    for row in range(count):
        points = []
        for x in range(0, WIDTH + 40, 20):
            points.append((x, y + row * spacing + amplitude * math.sin(x / 55 + row)))
        draw.line([tuple(s(*point)) for point in points], fill=colour, width=3 * SCALE)


def sailboat(draw, x, y, size, hull=WHITE, sail=CREAM, accent=CORAL):
    draw.polygon(
        s(x - size, y, x + size, y, x + size * 0.7, y + size * 0.35, x - size * 0.7, y + size * 0.35), fill=hull
    )
    draw.line(s(x, y, x, y - size * 1.9), fill=INK, width=3 * SCALE)
    draw.polygon(s(x + 6, y - size * 1.8, x + 6, y - 8, x + size * 0.95, y - 8), fill=sail)
    draw.polygon(s(x - 6, y - size * 1.5, x - 6, y - 8, x - size * 0.75, y - 8), fill=accent)


def motor_yacht(draw, x, y, size, hull=WHITE, cabin=(210, 226, 236), stripe=NAVY):
    draw.polygon(
        s(x - size * 1.6, y, x + size * 1.8, y, x + size * 1.5, y + size * 0.45, x - size * 1.3, y + size * 0.45),
        fill=hull,
    )
    draw.line(s(x - size * 1.45, y + size * 0.2, x + size * 1.65, y + size * 0.2), fill=stripe, width=4 * SCALE)
    draw.polygon(
        s(x - size * 0.9, y, x + size * 1.1, y, x + size * 0.7, y - size * 0.45, x - size * 0.6, y - size * 0.45),
        fill=cabin,
    )
    draw.polygon(
        s(
            x - size * 0.4,
            y - size * 0.45,
            x + size * 0.5,
            y - size * 0.45,
            x + size * 0.3,
            y - size * 0.8,
            x - size * 0.2,
            y - size * 0.8,
        ),
        fill=hull,
    )
    for index in range(4):
        left = x - size * 0.7 + index * size * 0.42
        draw.rectangle(s(left, y - size * 0.35, left + size * 0.3, y - size * 0.12), fill=stripe)


def palm(draw, x, y, height, colour=(34, 76, 64)):
    for step in range(12):
        bend = math.sin(step / 12 * math.pi / 2) * height * 0.18
        top = y - step * height / 12
        draw.ellipse(s(x + bend - 7, top - 10, x + bend + 7, top + 4), fill=(92, 70, 52))
    crown_x, crown_y = x + height * 0.18, y - height
    for angle in range(0, 360, 45):
        radians = math.radians(angle)
        tip = (crown_x + math.cos(radians) * height * 0.42, crown_y + math.sin(radians) * height * 0.2 + height * 0.12)
        middle = ((crown_x + tip[0]) / 2, (crown_y + tip[1]) / 2 - height * 0.06)
        draw.line(
            [tuple(s(crown_x, crown_y)), tuple(s(*middle)), tuple(s(*tip))], fill=colour, width=9 * SCALE, joint="curve"
        )


def skyline(draw, base, blocks, colour, window=None):
    for left, width, height in blocks:
        draw.rectangle(s(left, base - height, left + width, base), fill=colour)
        if window:
            for row in range(int(height // 34) - 1):
                for column in range(int(width // 28)):
                    if (row * 7 + column * 3 + left) % 5:
                        wx, wy = left + 10 + column * 28, base - height + 18 + row * 34
                        draw.rectangle(s(wx, wy, wx + 10, wy + 14), fill=window)


def person(draw, x, y, size, colour):
    draw.ellipse(s(x - size * 0.32, y - size * 1.5, x + size * 0.32, y - size * 0.86), fill=colour)
    draw.rounded_rectangle(
        s(x - size * 0.55, y - size * 0.78, x + size * 0.55, y + size * 0.4), radius=size * 0.4 * SCALE, fill=colour
    )


def star(draw, x, y, radius, colour):
    points = []
    for index in range(10):
        angle = math.radians(-90 + index * 36)
        length = radius if index % 2 == 0 else radius * 0.4
        points.append((x + math.cos(angle) * length, y + math.sin(angle) * length))
    draw.polygon([tuple(s(*point)) for point in points], fill=colour)


def guitar(draw, x, y, size, body, edge, neck=(92, 58, 34)):
    """An acoustic guitar lying at an angle: body at (x, y), neck pointing up and to the right."""
    angle = math.radians(-35)
    direction = (math.cos(angle), math.sin(angle))
    normal = (-direction[1], direction[0])

    def along(distance, offset=0.0):
        return (x + direction[0] * distance + normal[0] * offset, y + direction[1] * distance + normal[1] * offset)

    neck_points = [
        along(size * 0.5, -size * 0.09),
        along(size * 2.1, -size * 0.07),
        along(size * 2.1, size * 0.07),
        along(size * 0.5, size * 0.09),
    ]
    draw.polygon([tuple(s(*point)) for point in neck_points], fill=neck)
    head = [
        along(size * 2.05, -size * 0.12),
        along(size * 2.55, -size * 0.14),
        along(size * 2.55, size * 0.14),
        along(size * 2.05, size * 0.12),
    ]
    draw.polygon([tuple(s(*point)) for point in head], fill=edge)
    for distance, radius in ((-size * 0.45, size * 0.72), (size * 0.35, size * 0.55)):
        cx, cy = along(distance)
        draw.ellipse(s(cx - radius - 8, cy - radius - 8, cx + radius + 8, cy + radius + 8), fill=edge)
    for distance, radius in ((-size * 0.45, size * 0.72), (size * 0.35, size * 0.55)):
        cx, cy = along(distance)
        draw.ellipse(s(cx - radius, cy - radius, cx + radius, cy + radius), fill=body)
    hole = along(size * 0.2)
    draw.ellipse(s(hole[0] - size * 0.2, hole[1] - size * 0.2, hole[0] + size * 0.2, hole[1] + size * 0.2), fill=INK)
    draw.line(
        [tuple(s(*along(-size * 0.62, -size * 0.2))), tuple(s(*along(-size * 0.62, size * 0.2)))],
        fill=edge,
        width=10 * SCALE,
    )
    for string in range(6):
        offset = (string - 2.5) * size * 0.035
        draw.line(
            [tuple(s(*along(-size * 0.62, offset))), tuple(s(*along(size * 2.5, offset * 0.8)))],
            fill=CREAM,
            width=SCALE,
        )


def music_notes(draw, notes, colour):
    for x, y, size in notes:
        draw.ellipse(s(x - size, y - size * 0.7, x + size, y + size * 0.7), fill=colour)
        draw.line(s(x + size * 0.85, y, x + size * 0.85, y - size * 3.2), fill=colour, width=4 * SCALE)
        draw.line(s(x + size * 0.85, y - size * 3.2, x + size * 2.1, y - size * 2.4), fill=colour, width=5 * SCALE)


def container_stack(draw, left, base, columns, rows, palette, width=86, height=40):
    for row in range(rows):
        for column in range(columns):
            colour = palette[(row * 3 + column * 2) % len(palette)]
            x, y = left + column * width, base - (row + 1) * height
            draw.rectangle(s(x + 2, y + 2, x + width - 2, y + height - 2), fill=colour)
            for rib in range(1, 6):
                rib_x = x + rib * width / 6
                draw.line(s(rib_x, y + 6, rib_x, y + height - 6), fill=mix(colour, INK, 0.25), width=2 * SCALE)


def crane(draw, x, base, height, colour):
    """A ship-to-shore container crane: two legs, a cross beam and a boom reaching over the water."""
    leg = 16
    draw.rectangle(s(x, base - height, x + leg, base), fill=colour)
    draw.rectangle(s(x + 150, base - height, x + 150 + leg, base), fill=colour)
    draw.line(s(x, base - height * 0.45, x + 166, base - height * 0.45), fill=colour, width=12 * SCALE)
    draw.line(s(x + leg, base - height * 0.45, x + 150, base), fill=colour, width=6 * SCALE)
    draw.line(s(x + 150, base - height * 0.45, x + leg, base), fill=colour, width=6 * SCALE)
    boom_y = base - height * 0.82
    draw.rectangle(s(x - 230, boom_y, x + 260, boom_y + 18), fill=colour)
    draw.line(s(x + 70, base - height - 60, x - 220, boom_y), fill=colour, width=4 * SCALE)
    draw.line(s(x + 70, base - height - 60, x + 250, boom_y), fill=colour, width=4 * SCALE)
    draw.rectangle(s(x + 55, base - height - 60, x + 85, boom_y), fill=colour)
    draw.rectangle(s(x - 150, boom_y + 18, x - 110, boom_y + 44), fill=mix(colour, INK, 0.3))
    draw.line(s(x - 130, boom_y + 44, x - 130, boom_y + 170), fill=INK, width=2 * SCALE)


# The pictures.


def draw_home_hero(canvas):
    vertical_gradient(canvas, (40, 60, 110), (244, 164, 120), 0, 560)
    vertical_gradient(canvas, (58, 98, 140), (18, 40, 70), 560, HEIGHT)
    glow(canvas, (800, 540), 260, (255, 210, 150), 0.6)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse(s(720, 460, 880, 620), fill=(255, 222, 170))
    skyline(
        draw,
        560,
        [(40, 90, 180), (140, 70, 260), (220, 110, 150), (340, 60, 320), (410, 100, 210), (520, 80, 140)],
        (34, 44, 78),
        (250, 214, 150),
    )
    skyline(
        draw,
        560,
        [(1000, 110, 170), (1120, 60, 290), (1190, 90, 200), (1290, 120, 250), (1420, 70, 160), (1500, 90, 230)],
        (34, 44, 78),
        (250, 214, 150),
    )
    # A bridge joining the two shores: the network's idea in one line.
    points = [tuple(s(x, 560 - 210 * math.sin(math.pi * (x - 600) / 400))) for x in range(600, 1001, 10)]
    draw.line(points, fill=CORAL, width=14 * SCALE, joint="curve")
    for x in range(620, 1000, 40):
        top = 560 - 210 * math.sin(math.pi * (x - 600) / 400)
        draw.line(s(x, top, x, 560), fill=mix(CORAL, CREAM, 0.3), width=3 * SCALE)
    draw.rectangle(s(560, 556, 1040, 572), fill=(34, 44, 78))
    waves(draw, 610, (84, 130, 170), count=10, spacing=30)


def draw_sister_city_sunday(canvas):
    vertical_gradient(canvas, EU_BLUE, (20, 110, 190))
    draw = ImageDraw.Draw(canvas)
    for index in range(12):
        angle = math.radians(index * 30 - 90)
        star(draw, 460 + math.cos(angle) * 230, 450 + math.sin(angle) * 230, 30, EU_YELLOW)
    # Speech bubbles: conversations started online.
    draw.rounded_rectangle(s(860, 200, 1420, 420), radius=50 * SCALE, fill=WHITE)
    draw.polygon(s(940, 420, 1010, 420, 920, 480), fill=WHITE)
    draw.rounded_rectangle(s(980, 500, 1480, 700), radius=50 * SCALE, fill=EU_YELLOW)
    draw.polygon(s(1380, 700, 1440, 700, 1460, 760), fill=EU_YELLOW)
    draw.text(tuple(s(1140, 310)), "#", font=font(150), fill=EU_BLUE, anchor="mm")
    for row, width in enumerate((380, 300)):
        draw.rounded_rectangle(s(1040, 560 + row * 50, 1040 + width, 584 + row * 50), radius=12 * SCALE, fill=EU_BLUE)
    for index, colour in enumerate((CORAL, WHITE, GOLD, (140, 200, 240))):
        person(draw, 420 + index * 40, 500, 34, colour)


def draw_peace_through_people(canvas):
    vertical_gradient(canvas, (250, 232, 200), (236, 170, 120))
    glow(canvas, (800, 450), 380, WHITE, 0.5)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse(s(560, 210, 1040, 690), fill=(64, 140, 170))
    for latitude in (-0.55, -0.2, 0.2, 0.55):
        half = 240 * math.sqrt(1 - latitude**2)
        draw.line(
            s(800 - half, 450 + latitude * 240, 800 + half, 450 + latitude * 240), fill=(120, 190, 206), width=4 * SCALE
        )
    for squash in (0.35, 0.75):
        draw.ellipse(s(800 - 240 * squash, 210, 800 + 240 * squash, 690), outline=(120, 190, 206), width=4 * SCALE)
    palette = [CORAL, NAVY, GOLD, TEAL, (150, 80, 120), (90, 120, 60)]
    for index in range(18):
        angle = math.radians(index * 20 - 90)
        person(draw, 800 + math.cos(angle) * 330, 470 + math.sin(angle) * 330, 38, palette[index % len(palette)])
    draw.text(tuple(s(800, 450)), "60", font=font(170), fill=CREAM, anchor="mm")


def draw_mataro_harbour(canvas):
    vertical_gradient(canvas, (132, 190, 226), (250, 226, 196), 0, 520)
    vertical_gradient(canvas, (40, 130, 170), (16, 70, 110), 520, HEIGHT)
    glow(canvas, (1250, 200), 150, (255, 240, 200), 0.7)
    draw = ImageDraw.Draw(canvas)
    # The town on the hill behind the marina.
    draw.polygon(s(0, 520, 0, 380, 300, 330, 700, 360, 1100, 300, 1600, 380, 1600, 520), fill=(196, 168, 130))
    for index in range(34):
        x = 20 + index * 46
        height = 40 + (index * 37) % 60
        colour = [(238, 224, 200), (226, 196, 160), (244, 236, 220), (214, 120, 90)][index % 4]
        draw.rectangle(s(x, 520 - height, x + 40, 520), fill=colour)
        draw.polygon(s(x - 4, 520 - height, x + 20, 520 - height - 16, x + 44, 520 - height), fill=(190, 96, 70))
    # Breakwater and pontoons.
    draw.rectangle(s(0, 515, 1600, 530), fill=(150, 140, 128))
    draw.polygon(s(900, 530, 1600, 600, 1600, 630, 900, 545), fill=(170, 160, 146))
    for y in (640, 760):
        draw.rectangle(s(80, y, 1200, y + 10), fill=(200, 184, 150))
    waves(draw, 580, (70, 150, 185), count=11, spacing=30, amplitude=4)
    draw = ImageDraw.Draw(canvas)
    for index, x in enumerate(range(140, 1200, 150)):
        sailboat(draw, x, 630, 52, accent=[CORAL, GOLD, TEAL, NAVY][index % 4])
    for index, x in enumerate(range(200, 1300, 190)):
        sailboat(draw, x, 752, 62, accent=[GOLD, NAVY, CORAL][index % 3])


def draw_fort_lauderdale_marina(canvas):
    vertical_gradient(canvas, (252, 170, 120), (120, 200, 230), 0, 500)
    vertical_gradient(canvas, (30, 150, 170), (10, 80, 110), 500, HEIGHT)
    glow(canvas, (320, 380), 180, (255, 220, 170), 0.7)
    draw = ImageDraw.Draw(canvas)
    skyline(
        draw,
        500,
        [(700, 80, 220), (790, 60, 300), (860, 100, 180), (980, 70, 260), (1060, 90, 200), (1170, 60, 150)],
        (70, 90, 120),
        (255, 220, 160),
    )
    draw.rectangle(s(0, 496, 1600, 510), fill=(210, 200, 170))
    waves(draw, 560, (60, 170, 190), count=12, spacing=28, amplitude=4)
    draw = ImageDraw.Draw(canvas)
    # A yacht lifted out of the water on a travel lift: the repair and servicing trade.
    draw.rectangle(s(1180, 330, 1200, 700), fill=(80, 90, 100))
    draw.rectangle(s(1480, 330, 1500, 700), fill=(80, 90, 100))
    draw.rectangle(s(1170, 320, 1510, 345), fill=(80, 90, 100))
    draw.line(s(1240, 345, 1240, 470), fill=INK, width=3 * SCALE)
    draw.line(s(1440, 345, 1440, 470), fill=INK, width=3 * SCALE)
    motor_yacht(draw, 1340, 480, 90)
    motor_yacht(draw, 300, 690, 110, stripe=CORAL)
    motor_yacht(draw, 720, 630, 70, stripe=TEAL)
    palm(draw, 90, 500, 300)
    palm(draw, 560, 500, 220)


def draw_nashville_guitar(canvas):
    vertical_gradient(canvas, (40, 24, 60), (170, 70, 70))
    glow(canvas, (1100, 320), 320, (255, 180, 110), 0.5)
    draw = ImageDraw.Draw(canvas)
    # Stage lights.
    for index, x in enumerate((250, 650, 1050, 1450)):
        colour = [GOLD, CORAL, (160, 120, 220), (110, 200, 220)][index]
        beam = Image.new("L", canvas.size, 0)
        ImageDraw.Draw(beam).polygon(s(x - 20, 0, x + 20, 0, x + 260, HEIGHT, x - 260, HEIGHT), fill=70)
        canvas.paste(Image.new("RGB", canvas.size, colour), (0, 0), beam.filter(ImageFilter.GaussianBlur(30)))
    draw = ImageDraw.Draw(canvas)
    skyline(
        draw,
        900,
        [(0, 120, 180), (130, 80, 240), (220, 140, 160), (1250, 120, 200), (1380, 90, 280), (1480, 120, 170)],
        (28, 18, 40),
        GOLD,
    )
    guitar(draw, 640, 560, 230, body=(214, 142, 64), edge=(120, 62, 30))
    music_notes(draw, [(1180, 300, 22), (1290, 230, 18), (1380, 330, 26)], CREAM)


def draw_tamworth_golden_guitar(canvas):
    vertical_gradient(canvas, (120, 176, 220), (250, 216, 160), 0, 620)
    vertical_gradient(canvas, (196, 120, 64), (140, 80, 44), 620, HEIGHT)
    glow(canvas, (1300, 180), 140, (255, 246, 210), 0.8)
    draw = ImageDraw.Draw(canvas)
    draw.polygon(
        s(0, 640, 200, 560, 420, 600, 700, 540, 1000, 600, 1300, 550, 1600, 610, 1600, 660, 0, 660), fill=(150, 120, 80)
    )
    for x in (120, 1320, 1460):
        draw.rectangle(s(x, 560, x + 14, 660), fill=(90, 70, 50))
        draw.ellipse(s(x - 70, 470, x + 84, 590), fill=(96, 130, 80))
    guitar(draw, 760, 600, 250, body=GOLD, edge=(170, 110, 30), neck=(190, 130, 40))
    draw.rectangle(s(560, 760, 980, 800), fill=(120, 100, 84))
    music_notes(draw, [(340, 300, 20), (430, 240, 16), (1080, 260, 22)], (120, 70, 40))


def draw_anderson_ports(canvas):
    vertical_gradient(canvas, (176, 210, 232), (236, 236, 228), 0, 600)
    vertical_gradient(canvas, (70, 110, 140), (30, 60, 90), 600, HEIGHT)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle(s(0, 560, 1600, 610), fill=(120, 120, 118))
    palette = [CORAL, SEA, GOLD, TEAL, (120, 60, 90), (200, 80, 60), NAVY]
    container_stack(draw, 60, 560, 5, 4, palette)
    container_stack(draw, 1060, 560, 6, 3, palette[2:] + palette[:2])
    # A container ship alongside the quay.
    draw.polygon(s(420, 640, 1420, 640, 1360, 760, 470, 760), fill=(160, 50, 50))
    draw.rectangle(s(420, 630, 1420, 648), fill=NAVY)
    container_stack(draw, 500, 630, 9, 2, palette[3:] + palette[:3])
    draw.rectangle(s(1300, 520, 1400, 630), fill=WHITE)
    draw.rectangle(s(1310, 535, 1390, 555), fill=SEA)
    for index, x in enumerate((560, 900, 1240)):
        crane(draw, x, 560, 330 + index * 20, [CORAL, GOLD, SEA][index])
    waves(draw, 780, (90, 130, 160), count=4, spacing=30, amplitude=4)


def draw_trade_mission(canvas):
    vertical_gradient(canvas, (18, 50, 90), (40, 120, 150))
    draw = ImageDraw.Draw(canvas)
    # Two coasts and the sea lane between them.
    draw.polygon(s(0, 160, 260, 220, 330, 420, 250, 640, 310, 900, 0, 900), fill=(70, 130, 100))
    draw.polygon(s(1600, 100, 1330, 180, 1260, 360, 1360, 560, 1280, 900, 1600, 900), fill=(190, 150, 100))
    for index in range(22):
        t = index / 21
        x = 330 + t * 930
        y = 460 - math.sin(t * math.pi) * 220
        draw.ellipse(s(x - 6, y - 6, x + 6, y + 6), fill=CREAM)
    for x, y in ((330, 460), (1260, 460)):
        draw.ellipse(s(x - 26, y - 26, x + 26, y + 26), fill=CORAL)
        draw.ellipse(s(x - 10, y - 10, x + 10, y + 10), fill=CREAM)
    motor_yacht(draw, 800, 280, 60, stripe=CORAL)
    # A compass rose: the mission found its bearings.
    draw.ellipse(s(720, 560, 880, 720), outline=CREAM, width=4 * SCALE)
    for angle in range(0, 360, 90):
        radians = math.radians(angle)
        tip = (800 + math.cos(radians) * 110, 640 + math.sin(radians) * 110)
        left = (800 + math.cos(radians + 2.6) * 22, 640 + math.sin(radians + 2.6) * 22)
        right = (800 + math.cos(radians - 2.6) * 22, 640 + math.sin(radians - 2.6) * 22)
        draw.polygon(
            [tuple(s(*tip)), tuple(s(*left)), tuple(s(800, 640)), tuple(s(*right))],
            fill=GOLD if angle == 270 else CREAM,
        )


def draw_bridging_generations(canvas):
    vertical_gradient(canvas, (252, 236, 214), (210, 226, 238), 0, 700)
    vertical_gradient(canvas, (120, 170, 190), (80, 130, 160), 700, HEIGHT)
    draw = ImageDraw.Draw(canvas)
    waves(draw, 730, (150, 196, 210), count=6, spacing=28, amplitude=4)

    def deck(x):
        return 640 - 200 * math.sin(math.pi * (x - 250) / 1100)

    # An arched footbridge; an older and a younger person meet at the top of it.
    draw.arc(s(330, 470, 1270, 1010), start=180, end=360, fill=mix(NAVY, WHITE, 0.2), width=16 * SCALE)
    for x in range(300, 1301, 50):
        draw.line(s(x, deck(x), x, deck(x) - 50), fill=mix(NAVY, WHITE, 0.35), width=3 * SCALE)
    draw.line([tuple(s(x, deck(x) - 50)) for x in range(270, 1331, 10)], fill=mix(NAVY, WHITE, 0.35), width=4 * SCALE)
    draw.line([tuple(s(x, deck(x))) for x in range(250, 1351, 10)], fill=NAVY, width=18 * SCALE, joint="curve")
    for x in (250, 1350):
        draw.rectangle(s(x - 30, 640, x + 30, 760), fill=NAVY)
    glow(canvas, (805, 300), 60, GOLD, 0.8)
    draw = ImageDraw.Draw(canvas)
    person(draw, 740, deck(740) - 40, 80, (110, 110, 124))
    person(draw, 870, deck(870) - 32, 62, CORAL)


def draw_carrickfergus_castle(canvas):
    vertical_gradient(canvas, (150, 176, 200), (226, 230, 226), 0, 600)
    vertical_gradient(canvas, (92, 120, 130), (50, 76, 90), 600, HEIGHT)
    draw = ImageDraw.Draw(canvas)
    # Hills across the lough.
    draw.polygon(
        s(0, 560, 300, 500, 620, 530, 1000, 470, 1350, 520, 1600, 490, 1600, 600, 0, 600), fill=(120, 146, 130)
    )
    # The castle on its rock at the water's edge: curtain wall and keep, with battlements.
    stone, shadow = (170, 160, 146), (130, 122, 112)
    draw.polygon(s(260, 640, 320, 590, 1180, 590, 1260, 640), fill=(96, 90, 84))
    draw.rectangle(s(330, 430, 1160, 600), fill=shadow)
    for x in range(330, 1160, 40):
        draw.rectangle(s(x, 410, x + 22, 432), fill=shadow)
    draw.rectangle(s(620, 210, 900, 600), fill=stone)
    for x in range(620, 900, 40):
        draw.rectangle(s(x, 186, x + 24, 212), fill=stone)
    for x, top in ((330, 360), (1080, 380)):
        draw.rectangle(s(x, top, x + 80, 600), fill=stone)
        for step in range(2):
            draw.rectangle(s(x + step * 48, top - 22, x + step * 48 + 32, top), fill=stone)
    for row in range(3):
        for column in range(3):
            wx, wy = 660 + column * 80, 260 + row * 100
            draw.rounded_rectangle(s(wx, wy, wx + 22, wy + 44), radius=10 * SCALE, fill=(70, 66, 64))
    draw.rounded_rectangle(s(470, 500, 540, 600), radius=34 * SCALE, fill=(70, 66, 64))
    waves(draw, 660, (110, 140, 150), count=8, spacing=30, amplitude=4)
    draw = ImageDraw.Draw(canvas)
    sailboat(draw, 1380, 720, 50, accent=CORAL)


def draw_logo_eu_delegation(canvas):
    vertical_gradient(canvas, WHITE, (236, 240, 248))
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle(s(500, 120, 1100, 620), radius=30 * SCALE, fill=EU_BLUE)
    for index in range(12):
        angle = math.radians(index * 30 - 90)
        star(draw, 800 + math.cos(angle) * 170, 370 + math.sin(angle) * 170, 26, EU_YELLOW)
    draw.text(tuple(s(800, 720)), "Delegation of the European Union", font=font(52), fill=EU_BLUE, anchor="mm")
    draw.text(tuple(s(800, 790)), "to the United States", font=font(44), fill=INK, anchor="mm")


def draw_logo_sister_cities_international(canvas):
    vertical_gradient(canvas, WHITE, (244, 240, 232))
    draw = ImageDraw.Draw(canvas)
    for offset, colour in ((-90, NAVY), (90, CORAL)):
        draw.ellipse(s(800 + offset - 190, 180, 800 + offset + 190, 560), outline=colour, width=34 * SCALE)
    person(draw, 710, 430, 60, NAVY)
    person(draw, 890, 430, 60, CORAL)
    draw.text(tuple(s(800, 700)), "Sister Cities International", font=font(64), fill=NAVY, anchor="mm")
    draw.text(tuple(s(800, 780)), "Peace through people", font=font(40), fill=CORAL, anchor="mm")


IMAGES = [
    DemoImage(
        "home-hero",
        "Two shores joined by a bridge",
        "Illustration: two city skylines at sunset on either side of the water, joined by an arched bridge.",
        draw_home_hero,
    ),
    DemoImage(
        "sister-city-sunday",
        "#SisterCitySunday",
        "Illustration: a ring of yellow stars on blue beside two speech bubbles, one with a hashtag.",
        draw_sister_city_sunday,
    ),
    DemoImage(
        "peace-through-people",
        "Peace through people: 60 years",
        "Illustration: a circle of people of many colours holding a globe marked 60.",
        draw_peace_through_people,
    ),
    DemoImage(
        "mataro-marina",
        "The marina at Mataró",
        "Illustration: sailing boats moored at the pontoons of a Mediterranean marina below a hillside town.",
        draw_mataro_harbour,
    ),
    DemoImage(
        "fort-lauderdale-yachts",
        "Yacht servicing in Fort Lauderdale",
        "Illustration: a motor yacht lifted out of the water for repairs, more yachts and palm trees at dusk.",
        draw_fort_lauderdale_marina,
    ),
    DemoImage(
        "trade-mission",
        "A trade mission across the Atlantic",
        "Illustration: a dotted sea route between two coasts, a yacht on the way and two hands shaking.",
        draw_trade_mission,
    ),
    DemoImage(
        "nashville-guitar",
        "Music City: a guitar under stage lights",
        "Illustration: an acoustic guitar under coloured stage lights in front of a city skyline, with music notes.",
        draw_nashville_guitar,
    ),
    DemoImage(
        "tamworth-golden-guitar",
        "Tamworth's golden guitar",
        "Illustration: a giant golden guitar on a plinth in sunny country landscape with gum trees.",
        draw_tamworth_golden_guitar,
    ),
    DemoImage(
        "anderson-ports",
        "Cranes at the container port",
        "Illustration: three container cranes over a ship loaded with coloured containers at a port quay.",
        draw_anderson_ports,
    ),
    DemoImage(
        "carrickfergus-castle",
        "Castle on the shore at Carrickfergus",
        "Illustration: a stone castle with battlements on a rock at the water's edge, green hills across the lough.",
        draw_carrickfergus_castle,
    ),
    DemoImage(
        "bridging-generations",
        "Bridging generations",
        "Illustration: an older and a younger person meeting in the middle of an arched footbridge.",
        draw_bridging_generations,
    ),
    DemoImage(
        "logo-eu-delegation",
        "Logo: Delegation of the European Union to the United States",
        "Delegation of the European Union to the United States (placeholder logo)",
        draw_logo_eu_delegation,
        format="PNG",
    ),
    DemoImage(
        "logo-sister-cities-international",
        "Logo: Sister Cities International",
        "Sister Cities International (placeholder logo)",
        draw_logo_sister_cities_international,
        format="PNG",
    ),
]
