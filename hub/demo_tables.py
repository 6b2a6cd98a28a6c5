"""Invented demo facts: hospitals, departments, doctors, canteens, dishes, benefits.

Names, addresses and phone numbers are invented (any resemblance to a real place
is accidental). Benefit figures come from docs/domain.md; the
养老服务补贴 amounts are unverified there and are marked ``verified=False``.
"""

from __future__ import annotations

from services.protocol import Hospital, LocalizedText


def text(zh_cn: str, zh_hk: str, en: str) -> LocalizedText:
    return LocalizedText(zh_CN=zh_cn, zh_HK=zh_hk, en=en)


_NOTE_24H = text(
    "请携带身份证或社保卡就诊；须在就诊前24小时取消。",
    "請攜帶身份證或社保卡就診；須在就診前24小時取消。",
    "Bring your ID or social-security card. Cancel at least 24 hours ahead.",
)
_NOTE_WORKDAY = text(
    "实名就诊；须提前1个工作日取消；90天内爽约3次将暂停预约90天。",
    "實名就診；須提前1個工作日取消；90天內爽約3次將暫停預約90天。",
    "Real-name visit. Cancel 1 working day ahead; 3 no-shows in 90 days suspend booking.",
)

HOSPITALS: tuple[Hospital, ...] = (
    Hospital(
        id="H01",
        name=text("静安康宁老年医院", "靜安康寧老年醫院", "Jing'an Kangning Geriatric Hospital"),
        district=text("静安区", "靜安區", "Jing'an District"),
        address=text("康宁路218号", "康寧路218號", "218 Kangning Road"),
        phone="021-6218 3400",
        cancel_cutoff_hours=24,
        booking_window_days=14,
        booking_cutoff_minutes=60,
        rules_note=_NOTE_24H,
    ),
    Hospital(
        id="H02",
        name=text("徐汇仁和医院", "徐匯仁和醫院", "Xuhui Renhe Hospital"),
        district=text("徐汇区", "徐匯區", "Xuhui District"),
        address=text("仁和路66号", "仁和路66號", "66 Renhe Road"),
        phone="021-6438 7100",
        cancel_cutoff_hours=0,
        cancel_cutoff_working_days=1,
        booking_window_days=7,
        booking_cutoff_minutes=120,
        rules_note=_NOTE_WORKDAY,
    ),
    Hospital(
        id="H03",
        name=text(
            "浦东东明中医医院",
            "浦東東明中醫醫院",
            "Pudong Dongming Hospital of Traditional Chinese Medicine",
        ),
        district=text("浦东新区", "浦東新區", "Pudong New Area"),
        address=text("东明大道1520号", "東明大道1520號", "1520 Dongming Avenue"),
        phone="021-5880 2266",
        cancel_cutoff_hours=24,
        booking_window_days=7,
        booking_cutoff_minutes=60,
        rules_note=_NOTE_24H,
    ),
    Hospital(
        id="H04",
        name=text(
            "普陀安和社区卫生服务中心",
            "普陀安和社區衛生服務中心",
            "Putuo Anhe Community Health Centre",
        ),
        district=text("普陀区", "普陀區", "Putuo District"),
        address=text("安和路9号", "安和路9號", "9 Anhe Road"),
        phone="021-6250 9188",
        cancel_cutoff_hours=4,
        booking_window_days=14,
        booking_cutoff_minutes=30,
        rules_note=text(
            "社区医院，可当天预约；就诊前4小时可取消。",
            "社區醫院，可當天預約；就診前4小時可取消。",
            "Community clinic: same-day booking; cancel up to 4 hours ahead.",
        ),
    ),
)

# Department codes -> name. Each hospital lists the codes it runs.
DEPARTMENT_NAMES: dict[str, LocalizedText] = {
    "NK": text("内科", "內科", "Internal Medicine"),
    "XNK": text("心内科", "心內科", "Cardiology"),
    "GK": text("骨科", "骨科", "Orthopaedics"),
    "YK": text("眼科", "眼科", "Ophthalmology"),
    "LN": text("老年医学科", "老年醫學科", "Geriatrics"),
    "ZY": text("中医科", "中醫科", "Traditional Chinese Medicine"),
    "NFM": text("内分泌科", "內分泌科", "Endocrinology"),
    "SJ": text("神经内科", "神經內科", "Neurology"),
    "KF": text("康复科", "康復科", "Rehabilitation"),
    "ZJ": text("针灸科", "針灸科", "Acupuncture"),
}
HOSPITAL_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "H01": ("LN", "NK", "XNK", "GK", "YK", "SJ"),
    "H02": ("NK", "XNK", "NFM", "YK", "GK"),
    "H03": ("ZY", "ZJ", "KF", "NK"),
    "H04": ("NK", "LN", "KF", "ZY"),
}

# (surname, given) in simplified, traditional, pinyin. Invented combinations.
DOCTORS: tuple[tuple[str, str, str], ...] = (
    ("王建华", "王建華", "Wang Jianhua"),
    ("李秀英", "李秀英", "Li Xiuying"),
    ("张志强", "張志強", "Zhang Zhiqiang"),
    ("陈静", "陳靜", "Chen Jing"),
    ("刘德明", "劉德明", "Liu Deming"),
    ("杨丽萍", "楊麗萍", "Yang Liping"),
    ("黄国栋", "黃國棟", "Huang Guodong"),
    ("周慧敏", "周慧敏", "Zhou Huimin"),
    ("吴振宇", "吳振宇", "Wu Zhenyu"),
    ("徐春兰", "徐春蘭", "Xu Chunlan"),
    ("孙立新", "孫立新", "Sun Lixin"),
    ("朱雅琴", "朱雅琴", "Zhu Yaqin"),
)
DOCTOR_TITLES: tuple[tuple[str, str, str, int], ...] = (
    # title zh_CN, zh_HK, en, registration fee in fen
    ("主任医师", "主任醫師", "Chief Physician", 5000),
    ("副主任医师", "副主任醫師", "Associate Chief Physician", 3800),
    ("主治医师", "主治醫師", "Attending Physician", 2500),
)

# Service areas are street (街道) ids; a kiosk configured with an area shows the canteens
# serving it. C02 is a small meal point: lunch only, no delivery.
CANTEEN_ROWS: tuple[dict[str, object], ...] = (
    {
        "id": "C01",
        "name": text("静安康乐长者食堂", "靜安康樂長者食堂", "Jing'an Kangle Seniors' Canteen"),
        "address": text("康乐路35号", "康樂路35號", "35 Kangle Road"),
        "phone": "021-6233 5120",
        "delivery": True,
        "pickup": True,
        "delivery_min_age": 80,
        "areas": ["jingan-kangle", "jingan-jiangning"],
        "dinner": True,
    },
    {
        "id": "C02",
        "name": text(
            "徐汇安馨社区助餐点", "徐匯安馨社區助餐點", "Xuhui Anxin Community Meal Point"
        ),
        "address": text("安馨路120弄3号", "安馨路120弄3號", "No. 3, Lane 120, Anxin Road"),
        "phone": "021-6471 0088",
        "delivery": False,
        "pickup": True,
        "delivery_min_age": None,
        "areas": ["xuhui-anxin"],
        "dinner": False,
    },
    {
        "id": "C03",
        "name": text("普陀福寿长者食堂", "普陀福壽長者食堂", "Putuo Fushou Seniors' Canteen"),
        "address": text("福寿路501号", "福壽路501號", "501 Fushou Road"),
        "phone": "021-6266 7300",
        "delivery": True,
        "pickup": True,
        "delivery_min_age": 85,
        "areas": ["putuo-changzheng", "putuo-ganquan"],
        "dinner": True,
    },
)

# Dishes with the diet tags they satisfy; sets are drawn from these. "low_sugar" marks
# dishes fit for the diabetic (控糖) window; "halal" dishes have no pork or lard.
DISHES: tuple[tuple[LocalizedText, frozenset[str]], ...] = (
    (
        text("清蒸鲈鱼", "清蒸鱸魚", "Steamed sea bass"),
        frozenset({"low_salt", "soft", "low_sugar", "halal"}),
    ),
    (text("番茄炒蛋", "番茄炒蛋", "Tomato and egg stir-fry"), frozenset({"soft", "vegetarian"})),
    (text("红烧狮子头", "紅燒獅子頭", "Braised pork meatballs"), frozenset({"soft"})),
    (text("白切鸡", "白切雞", "Poached chicken"), frozenset({"low_salt", "low_sugar", "halal"})),
    (
        text("清炒菠菜", "清炒菠菜", "Stir-fried spinach"),
        frozenset({"low_salt", "low_sugar", "vegetarian", "halal"}),
    ),
    (text("冬瓜排骨汤", "冬瓜排骨湯", "Winter melon and pork rib soup"), frozenset({"low_salt"})),
    (
        text("豆腐羹", "豆腐羹", "Silken tofu soup"),
        frozenset({"soft", "vegetarian", "low_salt", "low_sugar", "halal"}),
    ),
    (text("葱烤大排", "蔥烤大排", "Scallion-roasted pork chop"), frozenset()),
    (
        text("香菇青菜", "香菇青菜", "Bok choy with shiitake"),
        frozenset({"vegetarian", "low_salt", "low_sugar", "halal"}),
    ),
    (text("土豆烧牛肉", "土豆燒牛肉", "Beef and potato stew"), frozenset({"soft", "halal"})),
    (
        text("小米南瓜粥", "小米南瓜粥", "Millet and pumpkin porridge"),
        frozenset({"soft", "vegetarian", "low_salt", "halal"}),
    ),
    (text("糖醋小排", "糖醋小排", "Sweet and sour ribs"), frozenset()),
    (
        text("鸡蛋羹", "雞蛋羹", "Steamed egg custard"),
        frozenset({"soft", "vegetarian", "low_salt", "low_sugar", "halal"}),
    ),
    (
        text("西兰花炒虾仁", "西蘭花炒蝦仁", "Shrimp with broccoli"),
        frozenset({"low_salt", "low_sugar", "halal"}),
    ),
    (
        text("芹菜炒香干", "芹菜炒香乾", "Celery with smoked tofu"),
        frozenset({"vegetarian", "low_salt", "low_sugar", "halal"}),
    ),
    (text("葱爆羊肉", "蔥爆羊肉", "Lamb with scallions"), frozenset({"halal"})),
    (
        text("番茄炖牛腩", "番茄燉牛腩", "Tomato-stewed beef brisket"),
        frozenset({"soft", "halal", "low_salt"}),
    ),
    (
        text("肉末蒸豆腐", "肉末蒸豆腐", "Steamed tofu with minced pork"),
        frozenset({"soft", "low_salt", "low_sugar"}),
    ),
    (
        text("杂粮饭", "雜糧飯", "Mixed-grain rice"),
        frozenset({"vegetarian", "low_salt", "low_sugar", "halal"}),
    ),
    (text("油焖笋", "油燜筍", "Braised bamboo shoots"), frozenset({"vegetarian", "halal"})),
)

# The set meals each canteen publishes per day, as (meal, name, tags every dish must carry,
# capacity range in portions). Sets are numbered L1, L2 ... / D1 ... in this order.
_REGULAR = frozenset[str]()
_LIGHT = frozenset({"low_salt", "low_sugar"})
_NAMES = {
    "regular": text("家常套餐", "家常套餐", "Home-style set"),
    "light": text("低盐控糖套餐", "低鹽控糖套餐", "Low-salt, low-sugar set"),
    "soft": text("软食套餐", "軟食套餐", "Soft-food set"),
    "vegetarian": text("素食套餐", "素食套餐", "Vegetarian set"),
    "halal": text("清真套餐", "清真套餐", "Halal set"),
}
SET_TEMPLATES: dict[str, tuple[tuple[str, LocalizedText, frozenset[str], tuple[int, int]], ...]] = {
    "C01": (
        ("lunch", _NAMES["regular"], _REGULAR, (100, 150)),
        ("lunch", _NAMES["light"], _LIGHT, (40, 80)),
        ("lunch", _NAMES["halal"], frozenset({"halal"}), (40, 60)),
        ("dinner", _NAMES["regular"], _REGULAR, (60, 100)),
        ("dinner", _NAMES["soft"], frozenset({"soft"}), (40, 60)),
    ),
    "C02": (
        ("lunch", _NAMES["regular"], _REGULAR, (60, 90)),
        ("lunch", _NAMES["light"], _LIGHT, (40, 60)),
        ("lunch", _NAMES["vegetarian"], frozenset({"vegetarian"}), (40, 50)),
    ),
    "C03": (
        ("lunch", _NAMES["regular"], _REGULAR, (100, 150)),
        ("lunch", _NAMES["light"], _LIGHT, (50, 80)),
        ("lunch", _NAMES["soft"], frozenset({"soft"}), (40, 60)),
        ("dinner", _NAMES["regular"], _REGULAR, (60, 100)),
        ("dinner", _NAMES["light"], _LIGHT, (40, 60)),
    ),
}
