"""Realistic but fictional demo data for a demo vault.

All people produced here are invented: names are drawn from pools of common,
non-celebrity names and combined at random, and passport numbers are random
strings in a plausible per-country format. Nothing refers to a real person.

The nationality mix follows docs/research domain.md §4.3 and §5: the Jun-Jul 2025
Cambodian crackdown (3,075 detained, 606 female: 1,028 Chinese, 693 Vietnamese,
366 Indonesian, 105 Indian, 101 Bangladeshi, 82 Thai, 81 Pakistani, 57 Korean,
13 Nepalese, ...), the early-2025 Poipet raid (many Thai, Pakistani, Indian),
the Jan 2026 mass releases of Indonesians, and press reports of Sri Lankan,
Kenyan, Ethiopian, Myanmar, Lao, Filipino and Taiwanese victims. Weights are
relative, not percentages.

Name pools hold ``(latin, own_script)`` pairs: the Latin form as printed in a
passport (ASCII, no diacritics) and the form in the person's own script
(for Latin-script nationalities, the same name with its proper diacritics).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

Sex = Literal["male", "female"]
AgencyKind = Literal[
    "police",
    "immigration",
    "social_affairs",
    "coordination",
    "international",
    "ngo",
    "embassy",
]

__all__ = [
    "AGENCIES",
    "MINOR_RATE",
    "NATIONALITIES",
    "PASSPORT_MISSING_RATE",
    "PROVINCES_KH",
    "REAL_COMPOUND_NAMES_BLOCKLIST",
    "Agency",
    "DemoPerson",
    "District",
    "FamilyName",
    "GivenName",
    "Nationality",
    "Province",
    "Sex",
    "nationality_by_iso3",
    "sample_compound_name",
    "sample_nationality",
    "sample_person",
]


@dataclass(frozen=True, slots=True)
class GivenName:
    latin: str
    own: str
    sex: Sex


@dataclass(frozen=True, slots=True)
class FamilyName:
    """A family name (or, where there is none, the name used in its place, e.g. the father's name).

    ``sex`` is None when the name is used by both sexes.
    """

    latin: str
    own: str
    sex: Sex | None = None


@dataclass(frozen=True, slots=True)
class Nationality:
    iso3: str
    name_en: str
    name_km: str
    weight: float
    language: str
    script: str
    given_names: tuple[GivenName, ...] = field(repr=False)
    family_names: tuple[FamilyName, ...] = field(repr=False)
    family_first: bool = False
    """Family name written before the given name (Chinese, Vietnamese, Korean, Khmer)."""
    own_separator: str = " "
    """Separator between name parts in the own script ("" for Chinese, Korean, Burmese)."""
    single_name_rate: float = 0.0
    """Share of people with no family name (many Indonesians; all Burmese)."""
    patronymic: tuple[str, str] | None = None
    """(male, female) connector before the father's name, e.g. Malay "bin"/"binti"."""
    female_share: float = 0.2
    other_languages: tuple[tuple[str, float], ...] = ()
    """Further languages a person may speak, with the probability of each."""
    passport_formats: tuple[str, ...] = ("@#######",)
    """Passport number patterns: "#" a digit, "@" a capital letter, anything else literal."""

    def given_pool(self, sex: Sex) -> tuple[GivenName, ...]:
        return tuple(g for g in self.given_names if g.sex == sex)

    def family_pool(self, sex: Sex) -> tuple[FamilyName, ...]:
        return tuple(f for f in self.family_names if f.sex is None or f.sex == sex)


def _g(sex: Sex, *pairs: tuple[str, str]) -> tuple[GivenName, ...]:
    return tuple(GivenName(latin, own, sex) for latin, own in pairs)


def _f(*pairs: tuple[str, str], sex: Sex | None = None) -> tuple[FamilyName, ...]:
    return tuple(FamilyName(latin, own, sex) for latin, own in pairs)


def _same(*names: tuple[str, str] | str) -> tuple[tuple[str, str], ...]:
    """Latin-script pools: a bare string means the passport and own forms are identical."""
    return tuple((n, n) if isinstance(n, str) else n for n in names)


NATIONALITIES: tuple[Nationality, ...] = (
    Nationality(
        iso3="CHN",
        name_en="China",
        name_km="ចិន",
        weight=30.0,
        language="zh",
        script="Hans",
        family_first=True,
        own_separator="",
        female_share=0.18,
        other_languages=(("en", 0.1),),
        passport_formats=("E########", "E@#######"),
        given_names=_g(
            "male",
            ("Wei", "伟"),
            ("Lei", "磊"),
            ("Jun", "军"),
            ("Qiang", "强"),
            ("Yong", "勇"),
            ("Zhiqiang", "志强"),
            ("Jianguo", "建国"),
            ("Haoran", "浩然"),
            ("Junjie", "俊杰"),
            ("Tao", "涛"),
        )
        + _g(
            "female",
            ("Fang", "芳"),
            ("Jing", "静"),
            ("Min", "敏"),
            ("Yan", "燕"),
            ("Xiuying", "秀英"),
            ("Lina", "丽娜"),
            ("Yuting", "雨婷"),
            ("Jiayi", "佳怡"),
            ("Xue", "雪"),
        ),
        family_names=_f(
            ("Wang", "王"),
            ("Li", "李"),
            ("Zhang", "张"),
            ("Liu", "刘"),
            ("Chen", "陈"),
            ("Yang", "杨"),
            ("Huang", "黄"),
            ("Zhao", "赵"),
            ("Wu", "吴"),
            ("Zhou", "周"),
        ),
    ),
    Nationality(
        iso3="VNM",
        name_en="Viet Nam",
        name_km="វៀតណាម",
        weight=20.0,
        language="vi",
        script="Latn",
        family_first=True,
        female_share=0.25,
        other_languages=(("en", 0.15), ("zh", 0.05)),
        passport_formats=("C#######", "P#######"),
        given_names=_g(
            "male",
            ("Van Minh", "Văn Minh"),
            ("Van Hung", "Văn Hùng"),
            ("Duc Anh", "Đức Anh"),
            ("Quoc Bao", "Quốc Bảo"),
            ("Minh Tuan", "Minh Tuấn"),
            ("Thanh Tung", "Thanh Tùng"),
            ("Van Long", "Văn Long"),
            ("Huu Phuoc", "Hữu Phước"),
            ("Dinh Khoa", "Đình Khoa"),
        )
        + _g(
            "female",
            ("Thi Lan", "Thị Lan"),
            ("Thi Huong", "Thị Hương"),
            ("Ngoc Anh", "Ngọc Ánh"),
            ("Thu Trang", "Thu Trang"),
            ("Thi Mai", "Thị Mai"),
            ("Phuong Linh", "Phương Linh"),
            ("Thi Hoa", "Thị Hoa"),
            ("Thanh Hang", "Thanh Hằng"),
        ),
        family_names=_f(
            ("Nguyen", "Nguyễn"),
            ("Tran", "Trần"),
            ("Le", "Lê"),
            ("Pham", "Phạm"),
            ("Hoang", "Hoàng"),
            ("Huynh", "Huỳnh"),
            ("Phan", "Phan"),
            ("Vu", "Vũ"),
            ("Vo", "Võ"),
            ("Dang", "Đặng"),
            ("Bui", "Bùi"),
            ("Do", "Đỗ"),
        ),
    ),
    Nationality(
        iso3="IDN",
        name_en="Indonesia",
        name_km="ឥណ្ឌូណេស៊ី",
        weight=14.0,
        language="id",
        script="Latn",
        single_name_rate=0.3,
        female_share=0.2,
        other_languages=(("en", 0.2), ("jv", 0.15)),
        passport_formats=("C#######", "E#######", "X#######"),
        given_names=_g(
            "male",
            *_same("Agus", "Budi", "Dedi", "Eko", "Rizky", "Fajar", "Andi", "Hendra", "Ahmad", "Yusuf"),
        )
        + _g(
            "female",
            *_same("Sri", "Dewi", "Siti", "Rina", "Putri", "Wulan", "Indah", "Ayu", "Nur"),
        ),
        family_names=_f(
            *_same(
                "Saputra",
                "Wijaya",
                "Setiawan",
                "Hidayat",
                "Kurniawan",
                "Pratama",
                "Santoso",
                "Siregar",
                "Nasution",
                "Simanjuntak",
            ),
        )
        + _f(*_same("Lestari", "Rahayu", "Wulandari"), sex="female"),
    ),
    Nationality(
        iso3="THA",
        name_en="Thailand",
        name_km="ថៃ",
        weight=6.0,
        language="th",
        script="Thai",
        female_share=0.3,
        other_languages=(("en", 0.2), ("lo", 0.1)),
        passport_formats=("@@#######",),
        given_names=_g(
            "male",
            ("Somchai", "สมชาย"),
            ("Somsak", "สมศักดิ์"),
            ("Prasert", "ประเสริฐ"),
            ("Anan", "อนันต์"),
            ("Wichai", "วิชัย"),
            ("Thanakorn", "ธนากร"),
            ("Kittisak", "กิตติศักดิ์"),
            ("Narong", "ณรงค์"),
            ("Surasak", "สุรศักดิ์"),
        )
        + _g(
            "female",
            ("Siriporn", "ศิริพร"),
            ("Malee", "มาลี"),
            ("Kanya", "กัญญา"),
            ("Pranee", "ปราณี"),
            ("Suda", "สุดา"),
            ("Wanida", "วนิดา"),
            ("Nattaya", "ณัฐยา"),
            ("Ratana", "รัตนา"),
            ("Supaporn", "สุภาพร"),
        ),
        family_names=_f(
            ("Saetang", "แซ่ตั้ง"),
            ("Srisuk", "ศรีสุข"),
            ("Thongdee", "ทองดี"),
            ("Boonmee", "บุญมี"),
            ("Jaidee", "ใจดี"),
            ("Kaewmanee", "แก้วมณี"),
            ("Suksawat", "สุขสวัสดิ์"),
            ("Wongsawat", "วงศ์สวัสดิ์"),
            ("Phromma", "พรหมมา"),
            ("Rattanawong", "รัตนวงศ์"),
        ),
    ),
    Nationality(
        iso3="MYS",
        name_en="Malaysia",
        name_km="ម៉ាឡេស៊ី",
        weight=3.0,
        language="ms",
        script="Latn",
        patronymic=("bin", "binti"),
        female_share=0.2,
        other_languages=(("en", 0.6), ("zh", 0.15)),
        passport_formats=("A########", "H########", "K########"),
        given_names=_g(
            "male",
            *_same(
                "Ahmad",
                "Muhammad Faiz",
                "Hafiz",
                "Azlan",
                "Syafiq",
                "Amirul",
                "Firdaus",
                "Hakim",
                "Zulkifli",
            ),
        )
        + _g(
            "female",
            *_same(
                "Nurul Aina",
                "Siti Aishah",
                "Farah",
                "Nabilah",
                "Aisyah",
                "Izzati",
                "Syazwani",
                "Liyana",
            ),
        ),
        # Father's names, joined with bin/binti; Malays have no family name.
        family_names=_f(
            *_same("Ismail", "Abdullah", "Hassan", "Rahman", "Yusof", "Osman", "Ibrahim", "Razak", "Hamid"),
        ),
    ),
    Nationality(
        iso3="MMR",
        name_en="Myanmar",
        name_km="មីយ៉ាន់ម៉ា",
        weight=2.0,
        language="my",
        script="Mymr",
        own_separator="",
        # Burmese people have no family name: the whole personal name is one unit.
        single_name_rate=1.0,
        female_share=0.25,
        other_languages=(("en", 0.1), ("th", 0.1)),
        passport_formats=("M@######",),
        given_names=_g(
            "male",
            ("Aung Kyaw Moe", "အောင်ကျော်မိုး"),
            ("Zaw Min Htet", "ဇော်မင်းထက်"),
            ("Kyaw Zin Oo", "ကျော်ဇင်ဦး"),
            ("Min Thu", "မင်းသူ"),
            ("Htet Aung", "ထက်အောင်"),
            ("Naing Lin", "နိုင်လင်း"),
            ("Thura Aung", "သူရအောင်"),
            ("Ye Yint Aung", "ရဲရင့်အောင်"),
            ("Win Naing", "ဝင်းနိုင်"),
        )
        + _g(
            "female",
            ("Phyu Phyu Win", "ဖြူဖြူဝင်း"),
            ("Thandar Aye", "သန္တာအေး"),
            ("Hnin Wai Phyo", "နှင်းဝေဖြိုး"),
            ("Khin Thida", "ခင်သီတာ"),
            ("Su Su Hlaing", "စုစုလှိုင်"),
            ("May Thu", "မေသူ"),
            ("Khin Myat Noe", "ခင်မြတ်နိုး"),
            ("Zin Mar Oo", "ဇင်မာဦး"),
        ),
        family_names=(),
    ),
    Nationality(
        iso3="IND",
        name_en="India",
        name_km="ឥណ្ឌា",
        weight=5.0,
        language="hi",
        script="Deva",
        single_name_rate=0.03,
        female_share=0.08,
        other_languages=(("en", 0.65),),
        passport_formats=("@#######",),
        given_names=_g(
            "male",
            ("Rahul", "राहुल"),
            ("Amit", "अमित"),
            ("Sandeep", "संदीप"),
            ("Vikas", "विकास"),
            ("Rajesh", "राजेश"),
            ("Manoj", "मनोज"),
            ("Sunil", "सुनील"),
            ("Deepak", "दीपक"),
            ("Ankit", "अंकित"),
        )
        + _g(
            "female",
            ("Priya", "प्रिया"),
            ("Pooja", "पूजा"),
            ("Neha", "नेहा"),
            ("Anjali", "अंजलि"),
            ("Sunita", "सुनीता"),
            ("Kavita", "कविता"),
            ("Ritu", "रितु"),
            ("Rekha", "रेखा"),
        ),
        family_names=_f(
            ("Sharma", "शर्मा"),
            ("Singh", "सिंह"),
            ("Yadav", "यादव"),
            ("Verma", "वर्मा"),
            ("Gupta", "गुप्ता"),
            ("Patel", "पटेल"),
            ("Mishra", "मिश्रा"),
            ("Chauhan", "चौहान"),
            ("Rawat", "रावत"),
        )
        + _f(("Kumar", "कुमार"), sex="male")
        + _f(("Kumari", "कुमारी"), sex="female"),
    ),
    Nationality(
        iso3="BGD",
        name_en="Bangladesh",
        name_km="បង់ក្លាដែស",
        weight=3.0,
        language="bn",
        script="Beng",
        female_share=0.05,
        other_languages=(("en", 0.35), ("hi", 0.1)),
        passport_formats=("@@#######", "@########"),
        given_names=_g(
            "male",
            ("Rafiqul", "রফিকুল"),
            ("Shahidul", "শহিদুল"),
            ("Mizanur", "মিজানুর"),
            ("Habibur", "হাবিবুর"),
            ("Kamrul", "কামরুল"),
            ("Saiful", "সাইফুল"),
            ("Arif", "আরিফ"),
            ("Rakib", "রাকিব"),
            ("Sohel", "সোহেল"),
        )
        + _g(
            "female",
            ("Fatema", "ফাতেমা"),
            ("Nasrin", "নাসরিন"),
            ("Shirin", "শিরিন"),
            ("Taslima", "তাসলিমা"),
            ("Rina", "রিনা"),
            ("Sumaiya", "সুমাইয়া"),
            ("Nusrat", "নুসরাত"),
            ("Sharmin", "শারমিন"),
        ),
        family_names=_f(
            ("Islam", "ইসলাম"),
            ("Rahman", "রহমান"),
            ("Hossain", "হোসেন"),
            ("Ahmed", "আহমেদ"),
            ("Khan", "খান"),
            ("Chowdhury", "চৌধুরী"),
            ("Sarkar", "সরকার"),
            ("Sheikh", "শেখ"),
        )
        + _f(("Uddin", "উদ্দিন"), ("Mia", "মিয়া"), sex="male")
        + _f(("Akter", "আক্তার"), ("Begum", "বেগম"), ("Khatun", "খাতুন"), sex="female"),
    ),
    Nationality(
        iso3="PAK",
        name_en="Pakistan",
        name_km="ប៉ាគីស្ថាន",
        weight=3.5,
        language="ur",
        script="Arab",
        female_share=0.04,
        other_languages=(("en", 0.5), ("pa", 0.3)),
        passport_formats=("@@#######",),
        given_names=_g(
            "male",
            ("Imran", "عمران"),
            ("Bilal", "بلال"),
            ("Usman", "عثمان"),
            ("Hamza", "حمزہ"),
            ("Asif", "آصف"),
            ("Kashif", "کاشف"),
            ("Faisal", "فیصل"),
            ("Waqas", "وقاص"),
            ("Adnan", "عدنان"),
        )
        + _g(
            "female",
            ("Ayesha", "عائشہ"),
            ("Fatima", "فاطمہ"),
            ("Sana", "ثنا"),
            ("Hina", "حنا"),
            ("Saima", "صائمہ"),
            ("Rabia", "رابعہ"),
            ("Amna", "آمنہ"),
            ("Nadia", "نادیہ"),
        ),
        family_names=_f(
            ("Khan", "خان"),
            ("Ahmed", "احمد"),
            ("Hussain", "حسین"),
            ("Malik", "ملک"),
            ("Butt", "بٹ"),
            ("Qureshi", "قریشی"),
            ("Chaudhry", "چوہدری"),
            ("Raza", "رضا"),
            ("Iqbal", "اقبال"),
            ("Shah", "شاہ"),
        ),
    ),
    Nationality(
        iso3="PHL",
        name_en="Philippines",
        name_km="ហ្វីលីពីន",
        weight=2.5,
        language="fil",
        script="Latn",
        female_share=0.35,
        other_languages=(("en", 0.9),),
        passport_formats=("P#######@",),
        given_names=_g(
            "male",
            *_same("Mark", "John Paul", "Jomar", "Rodel", "Christian", "Jerome", "Ronaldo", "Arnel", "Noel"),
        )
        + _g(
            "female",
            *_same("Maria Cristina", "Jenny", "Rowena", "Mary Joy", "Lorna", "Analyn", "Maricel", "Kristine"),
        ),
        family_names=_f(
            *_same(
                "Santos",
                "Reyes",
                "Cruz",
                "Bautista",
                "Dela Cruz",
                "Garcia",
                "Mendoza",
                "Villanueva",
                "Ramos",
                "Castillo",
                ("Dela Pena", "Dela Peña"),
                ("Ibanez", "Ibañez"),
            ),
        ),
    ),
    Nationality(
        iso3="LAO",
        name_en="Lao PDR",
        name_km="ឡាវ",
        weight=1.5,
        language="lo",
        script="Laoo",
        female_share=0.3,
        other_languages=(("th", 0.5), ("en", 0.1)),
        passport_formats=("P#######",),
        given_names=_g(
            "male",
            ("Somphone", "ສົມພອນ"),
            ("Khamphone", "ຄຳພອນ"),
            ("Souksavanh", "ສຸກສະຫວັນ"),
            ("Bounmy", "ບຸນມີ"),
            ("Phonesavanh", "ພອນສະຫວັນ"),
            ("Thongchanh", "ທອງຈັນ"),
            ("Sengphet", "ແສງເພັດ"),
            ("Khamsing", "ຄຳສິງ"),
        )
        + _g(
            "female",
            ("Manivanh", "ມະນີວັນ"),
            ("Chanthaly", "ຈັນທະລີ"),
            ("Souphaphone", "ສຸພາພອນ"),
            ("Sengdao", "ແສງດາວ"),
            ("Dalavanh", "ດາລາວັນ"),
            ("Naly", "ນາລີ"),
            ("Vanida", "ວານິດາ"),
            ("Khanthaly", "ຂັນທະລີ"),
        ),
        family_names=_f(
            ("Phommachanh", "ພົມມະຈັນ"),
            ("Sengsavang", "ແສງສະຫວ່າງ"),
            ("Vongsa", "ວົງສາ"),
            ("Keomany", "ແກ້ວມະນີ"),
            ("Inthavong", "ອິນທະວົງ"),
            ("Sisouk", "ສີສຸກ"),
            ("Phanthavong", "ພັນທະວົງ"),
            ("Xayavong", "ໄຊຍະວົງ"),
            ("Chanthavong", "ຈັນທະວົງ"),
            ("Douangmala", "ດວງມາລາ"),
        ),
    ),
    Nationality(
        iso3="NPL",
        name_en="Nepal",
        name_km="នេប៉ាល់",
        weight=1.0,
        language="ne",
        script="Deva",
        female_share=0.1,
        other_languages=(("hi", 0.4), ("en", 0.35)),
        passport_formats=("########", "@########"),
        given_names=_g(
            "male",
            ("Ram", "राम"),
            ("Bikash", "बिकास"),
            ("Santosh", "सन्तोष"),
            ("Ramesh", "रमेश"),
            ("Krishna", "कृष्ण"),
            ("Dipak", "दीपक"),
            ("Bishal", "बिशाल"),
            ("Sagar", "सागर"),
            ("Suman", "सुमन"),
        )
        + _g(
            "female",
            ("Sita", "सीता"),
            ("Gita", "गीता"),
            ("Sarita", "सरिता"),
            ("Anita", "अनिता"),
            ("Sunita", "सुनिता"),
            ("Kamala", "कमला"),
            ("Puja", "पूजा"),
            ("Sabina", "सबिना"),
        ),
        family_names=_f(
            ("Shrestha", "श्रेष्ठ"),
            ("Tamang", "तामाङ"),
            ("Gurung", "गुरुङ"),
            ("Magar", "मगर"),
            ("Rai", "राई"),
            ("Thapa", "थापा"),
            ("Adhikari", "अधिकारी"),
            ("Karki", "कार्की"),
            ("Bhandari", "भण्डारी"),
            ("Limbu", "लिम्बू"),
        ),
    ),
    Nationality(
        iso3="LKA",
        name_en="Sri Lanka",
        name_km="ស្រីលង្កា",
        weight=0.8,
        language="si",
        script="Sinh",
        female_share=0.1,
        other_languages=(("en", 0.45), ("ta", 0.1)),
        passport_formats=("N#######",),
        given_names=_g(
            "male",
            ("Nuwan", "නුවන්"),
            ("Chaminda", "චමින්ද"),
            ("Kasun", "කසුන්"),
            ("Saman", "සමන්"),
            ("Ruwan", "රුවන්"),
            ("Tharindu", "තරිඳු"),
            ("Lahiru", "ලහිරු"),
            ("Dinesh", "දිනේෂ්"),
            ("Chathura", "චතුර"),
        )
        + _g(
            "female",
            ("Nadeesha", "නදීෂා"),
            ("Dilani", "දිලානි"),
            ("Sanduni", "සඳුනි"),
            ("Chamari", "චාමරී"),
            ("Ishara", "ඉෂාරා"),
            ("Nilmini", "නිල්මිණි"),
            ("Madushani", "මධුශානි"),
            ("Kumari", "කුමාරි"),
        ),
        family_names=_f(
            ("Perera", "පෙරේරා"),
            ("Silva", "සිල්වා"),
            ("Jayasinghe", "ජයසිංහ"),
            ("Bandara", "බණ්ඩාර"),
            ("Herath", "හේරත්"),
            ("Dissanayake", "දිසානායක"),
            ("Rathnayake", "රත්නායක"),
            ("Gunawardena", "ගුණවර්ධන"),
        ),
    ),
    Nationality(
        iso3="KEN",
        name_en="Kenya",
        name_km="កេនយ៉ា",
        weight=0.8,
        language="sw",
        script="Latn",
        female_share=0.3,
        other_languages=(("en", 0.95),),
        passport_formats=("AK#######",),
        given_names=_g(
            "male",
            *_same("John", "Peter", "Brian", "Kevin", "Dennis", "Samuel", "Joseph", "Collins", "Evans"),
        )
        + _g(
            "female",
            *_same("Mary", "Faith", "Mercy", "Grace", "Esther", "Ann", "Caroline", "Purity"),
        ),
        family_names=_f(
            *_same(
                "Otieno",
                "Kamau",
                "Mwangi",
                "Ochieng",
                "Kiprono",
                "Mutua",
                "Njoroge",
                "Wafula",
                "Odhiambo",
                "Onyango",
            ),
        ),
    ),
    Nationality(
        iso3="ETH",
        name_en="Ethiopia",
        name_km="អេត្យូពី",
        weight=0.6,
        language="am",
        script="Ethi",
        female_share=0.3,
        other_languages=(("en", 0.4),),
        passport_formats=("EP#######",),
        given_names=_g(
            "male",
            ("Abebe", "አበበ"),
            ("Dawit", "ዳዊት"),
            ("Yohannes", "ዮሐንስ"),
            ("Solomon", "ሰለሞን"),
            ("Henok", "ሄኖክ"),
            ("Biniam", "ቢኒያም"),
            ("Samuel", "ሳሙኤል"),
            ("Tesfaye", "ተስፋዬ"),
            ("Girma", "ግርማ"),
        )
        + _g(
            "female",
            ("Tigist", "ትዕግስት"),
            ("Meseret", "መሰረት"),
            ("Almaz", "አልማዝ"),
            ("Hiwot", "ሕይወት"),
            ("Selam", "ሰላም"),
            ("Bethlehem", "ቤተልሔም"),
            ("Mekdes", "መቅደስ"),
            ("Rahel", "ራሔል"),
        ),
        # Ethiopians have no family name: the father's given name stands in the passport's surname field.
        family_names=_f(
            ("Kebede", "ከበደ"),
            ("Tesfaye", "ተስፋዬ"),
            ("Girma", "ግርማ"),
            ("Alemu", "አለሙ"),
            ("Bekele", "በቀለ"),
            ("Tadesse", "ታደሰ"),
            ("Mulugeta", "ሙሉጌታ"),
            ("Getachew", "ጌታቸው"),
            ("Assefa", "አሰፋ"),
            ("Wolde", "ወልዴ"),
        ),
    ),
    Nationality(
        iso3="KOR",
        name_en="Republic of Korea",
        name_km="កូរ៉េខាងត្បូង",
        weight=2.0,
        language="ko",
        script="Hang",
        family_first=True,
        own_separator="",
        female_share=0.15,
        other_languages=(("en", 0.3),),
        passport_formats=("M###@####",),
        given_names=_g(
            "male",
            ("Minjun", "민준"),
            ("Seojun", "서준"),
            ("Jihoon", "지훈"),
            ("Hyunwoo", "현우"),
            ("Junho", "준호"),
            ("Dongwook", "동욱"),
            ("Sungmin", "성민"),
            ("Jaewon", "재원"),
            ("Sanghoon", "상훈"),
        )
        + _g(
            "female",
            ("Jiyoung", "지영"),
            ("Soyeon", "소연"),
            ("Minji", "민지"),
            ("Eunji", "은지"),
            ("Hyejin", "혜진"),
            ("Sujin", "수진"),
            ("Yuna", "유나"),
            ("Seoyeon", "서연"),
        ),
        family_names=_f(
            ("Kim", "김"),
            ("Lee", "이"),
            ("Park", "박"),
            ("Choi", "최"),
            ("Jung", "정"),
            ("Kang", "강"),
            ("Cho", "조"),
            ("Yoon", "윤"),
            ("Jang", "장"),
            ("Lim", "임"),
        ),
    ),
    Nationality(
        iso3="TWN",
        name_en="Taiwan",
        name_km="តៃវ៉ាន់",
        weight=1.5,
        language="zh",
        script="Hant",
        family_first=True,
        own_separator="",
        female_share=0.15,
        other_languages=(("en", 0.25), ("nan", 0.3)),
        passport_formats=("#########",),
        given_names=_g(
            "male",
            ("Chih-Hao", "志豪"),
            ("Chia-Hao", "家豪"),
            ("Chien-Hung", "建宏"),
            ("Chun-Chieh", "俊傑"),
            ("Tsung-Han", "宗翰"),
            ("Kuan-Yu", "冠宇"),
            ("Yu-Hsiang", "宇翔"),
            ("Po-Han", "柏翰"),
        )
        + _g(
            "female",
            ("Shu-Fen", "淑芬"),
            ("Ya-Ting", "雅婷"),
            ("Yi-Chun", "怡君"),
            ("Mei-Ling", "美玲"),
            ("Hsin-Yi", "欣怡"),
            ("Pei-Shan", "佩珊"),
            ("Shih-Han", "詩涵"),
            ("Chia-Ying", "佳穎"),
        ),
        family_names=_f(
            ("Chen", "陳"),
            ("Lin", "林"),
            ("Huang", "黃"),
            ("Chang", "張"),
            ("Li", "李"),
            ("Wang", "王"),
            ("Wu", "吳"),
            ("Liu", "劉"),
            ("Tsai", "蔡"),
            ("Yang", "楊"),
        ),
    ),
    Nationality(
        iso3="KHM",
        name_en="Cambodia",
        name_km="កម្ពុជា",
        weight=2.0,
        language="km",
        script="Khmr",
        family_first=True,
        female_share=0.3,
        other_languages=(("en", 0.15), ("th", 0.1)),
        passport_formats=("N########",),
        given_names=_g(
            "male",
            ("Dara", "ដារ៉ា"),
            ("Vuthy", "វុទ្ធី"),
            ("Rithy", "រិទ្ធី"),
            ("Visal", "វិសាល"),
            ("Sophal", "សុផល"),
            ("Piseth", "ពិសិដ្ឋ"),
            ("Bunthoeun", "ប៊ុនធឿន"),
            ("Sokha", "សុខា"),
            ("Vannak", "វណ្ណៈ"),
        )
        + _g(
            "female",
            ("Sreymom", "ស្រីមុំ"),
            ("Sopheap", "សុភាព"),
            ("Channary", "ចាន់ណារី"),
            ("Bopha", "បុប្ផា"),
            ("Sokunthea", "សុគន្ធា"),
            ("Pisey", "ពិសី"),
            ("Sreyleak", "ស្រីល័ក្ខ"),
            ("Chanthy", "ចាន់ធី"),
            ("Raksmey", "រស្មី"),
        ),
        family_names=_f(
            ("Sok", "សុខ"),
            ("Chan", "ចាន់"),
            ("Kim", "គីម"),
            ("Heng", "ហេង"),
            ("Chea", "ជា"),
            ("Seng", "សេង"),
            ("Ly", "លី"),
            ("Meas", "មាស"),
            ("Keo", "កែវ"),
            ("Phan", "ផាន"),
        ),
    ),
)

_BY_ISO3: dict[str, Nationality] = {n.iso3: n for n in NATIONALITIES}


def nationality_by_iso3(iso3: str) -> Nationality:
    """Look up a demo nationality; raises KeyError for unknown codes."""
    return _BY_ISO3[iso3.upper()]


# --- Places -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class District:
    name_en: str
    name_km: str


@dataclass(frozen=True, slots=True)
class Province:
    iso_3166_2: str
    name_en: str
    name_km: str
    districts: tuple[District, ...]
    note: str = ""


PROVINCES_KH: tuple[Province, ...] = (
    Province(
        "KH-18",
        "Preah Sihanouk",
        "ព្រះសីហនុ",
        (
            District("Preah Sihanouk (Sihanoukville)", "ព្រះសីហនុ"),
            District("Prey Nob", "ព្រៃនប់"),
            District("Stueng Hav", "ស្ទឹងហាវ"),
        ),
        "Largest concentration of scam compounds; 2024 and 2025 mass raids.",
    ),
    Province(
        "KH-12",
        "Phnom Penh",
        "ភ្នំពេញ",
        (
            District("Dangkao", "ដង្កោ"),
            District("Chbar Ampov", "ច្បារអំពៅ"),
            District("Mean Chey", "មានជ័យ"),
            District("Sen Sok", "សែនសុខ"),
        ),
        "Capital; ministries, embassies, IOM, shelters.",
    ),
    Province(
        "KH-9",
        "Koh Kong",
        "កោះកុង",
        (
            District("Botum Sakor", "បុទុមសាគរ"),
            District("Kiri Sakor", "គិរីសាគរ"),
            District("Mondol Seima", "មណ្ឌលសីមា"),
        ),
        "Coastal special zones near the Thai border.",
    ),
    Province(
        "KH-15",
        "Pursat",
        "ពោធិ៍សាត់",
        (
            District("Veal Veng", "វាលវែង"),
            District("Krakor", "ក្រគរ"),
        ),
    ),
    Province(
        "KH-1",
        "Banteay Meanchey",
        "បន្ទាយមានជ័យ",
        (
            District("Poipet", "ប៉ោយប៉ែត"),
            District("O Chrov", "អូរជ្រៅ"),
        ),
        "Poipet border crossing with Thailand.",
    ),
    Province(
        "KH-20",
        "Svay Rieng",
        "ស្វាយរៀង",
        (
            District("Bavet", "បាវិត"),
            District("Chantrea", "ចន្ទ្រា"),
        ),
        "Bavet border crossing with Viet Nam.",
    ),
    Province(
        "KH-7",
        "Kampot",
        "កំពត",
        (
            District("Kampot", "កំពត"),
            District("Tuek Chhou", "ទឹកឈូ"),
        ),
    ),
    Province(
        "KH-21",
        "Takeo",
        "តាកែវ",
        (
            District("Doun Kaev", "ដូនកែវ"),
            District("Kiri Vong", "គិរីវង់"),
        ),
    ),
    Province(
        "KH-22",
        "Oddar Meanchey",
        "ឧត្តរមានជ័យ",
        (
            District("Anlong Veng", "អន្លង់វែង"),
            District("Samraong", "សំរោង"),
        ),
        "Northern border with Thailand.",
    ),
)


# --- Agencies -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agency:
    code: str
    name_en: str
    name_km: str
    kind: AgencyKind
    country_iso3: str = "KHM"
    """For embassies: the country represented. Otherwise KHM (or the host, for IOM/NGOs)."""
    fictional: bool = False


def _embassy(iso3: str) -> Agency:
    nat = _BY_ISO3[iso3]
    return Agency(
        code=f"EMB-{iso3}",
        name_en=f"Embassy of {nat.name_en}, Phnom Penh",
        name_km=f"ស្ថានទូត{nat.name_km} ប្រចាំភ្នំពេញ",
        kind="embassy",
        country_iso3=iso3,
    )


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "CNP-AHTJP",
        "Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police",
        "នាយកដ្ឋានប្រឆាំងការជួញដូរមនុស្ស និងការពារអនីតិជន នៃស្នងការដ្ឋាននគរបាលជាតិ",
        "police",
    ),
    Agency(
        "GDI",
        "General Department of Immigration",
        "អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍",
        "immigration",
    ),
    Agency(
        "MOSVY",
        "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
        "ក្រសួងសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា",
        "social_affairs",
    ),
    Agency(
        "DOSVY",
        "Provincial Department of Social Affairs, Veterans and Youth Rehabilitation",
        "មន្ទីរសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទាខេត្ត",
        "social_affairs",
    ),
    Agency(
        "NCCT",
        "National Committee for Counter Trafficking",
        "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស",
        "coordination",
    ),
    Agency(
        "IOM",
        "International Organization for Migration",
        "អង្គការអន្តរជាតិទទួលបន្ទុកផ្នែកចំណាកស្រុក",
        "international",
    ),
    Agency(
        "NGO-MSH",
        "Mekong Safe Haven Shelter (demo NGO)",
        "ជម្រកសុវត្ថិភាពមេគង្គ",
        "ngo",
        fictional=True,
    ),
    *(_embassy(iso3) for iso3 in ("CHN", "VNM", "IDN", "THA", "MYS", "MMR", "IND", "PHL", "LAO", "KOR")),
)


# --- People -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoPerson:
    nationality: Nationality
    sex: Sex
    given_latin: str
    given_own: str
    family_latin: str
    """Empty when the person has a single name."""
    family_own: str
    display_latin: str
    """Full name as in a passport, in the nationality's order."""
    display_own: str
    """Full name in the person's own script, in the nationality's order."""
    age: int
    age_uncertain: bool
    passport_number: str | None
    """None when the document was not available (often confiscated by the compound)."""
    languages: tuple[str, ...]
    """Main language first."""


MINOR_RATE = 0.06
PASSPORT_MISSING_RATE = 0.40
_OLDER_RATE = 0.08
_PASSPORT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def sample_nationality(rng: random.Random) -> Nationality:
    return rng.choices(NATIONALITIES, weights=[n.weight for n in NATIONALITIES], k=1)[0]


def _sample_age(rng: random.Random) -> tuple[int, bool]:
    r = rng.random()
    if r < MINOR_RATE:
        return rng.randint(15, 17), True
    if r < MINOR_RATE + _OLDER_RATE:
        return rng.randint(41, 55), False
    return round(rng.triangular(18, 40, 24)), False


def _passport_number(rng: random.Random, pattern: str) -> str:
    out: list[str] = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "@":
            out.append(rng.choice(_PASSPORT_LETTERS))
        else:
            out.append(ch)
    return "".join(out)


def _join(parts: list[str], sep: str) -> str:
    return sep.join(p for p in parts if p)


def sample_person(rng: random.Random) -> DemoPerson:
    """Draw one fictional person; the same rng state always gives the same person."""
    nat = sample_nationality(rng)
    sex: Sex = "female" if rng.random() < nat.female_share else "male"
    given = rng.choice(nat.given_pool(sex))

    family_pool = nat.family_pool(sex)
    single = not family_pool or rng.random() < nat.single_name_rate
    family_latin = family_own = ""
    if not single:
        fam = rng.choice(family_pool)
        family_latin, family_own = fam.latin, fam.own

    if not family_latin:
        display_latin, display_own = given.latin, given.own
    elif nat.family_first:
        display_latin = _join([family_latin, given.latin], " ")
        display_own = _join([family_own, given.own], nat.own_separator)
    else:
        connector = ""
        if nat.patronymic is not None:
            connector = nat.patronymic[0] if sex == "male" else nat.patronymic[1]
        display_latin = _join([given.latin, connector, family_latin], " ")
        display_own = _join([given.own, connector, family_own], nat.own_separator)

    age, minor = _sample_age(rng)
    passport: str | None = None
    if rng.random() >= PASSPORT_MISSING_RATE:
        passport = _passport_number(rng, rng.choice(nat.passport_formats))

    uncertain_p = 0.10 + (0.15 if passport is None else 0.0) + (0.25 if minor else 0.0)
    age_uncertain = rng.random() < uncertain_p

    languages = [nat.language]
    for lang, p in nat.other_languages:
        if rng.random() < p and lang not in languages:
            languages.append(lang)

    return DemoPerson(
        nationality=nat,
        sex=sex,
        given_latin=given.latin,
        given_own=given.own,
        family_latin=family_latin,
        family_own=family_own,
        display_latin=display_latin,
        display_own=display_own,
        age=age,
        age_uncertain=age_uncertain,
        passport_number=passport,
        languages=tuple(languages),
    )


# --- Compounds ----------------------------------------------------------------------------------

_COMPOUND_FIRST = (
    "Silver",
    "Jade",
    "Azure",
    "Lucky Star",
    "Harmony",
    "Orchid",
    "Pearl",
    "Crystal",
    "Sunrise",
    "Lotus",
    "Emerald",
    "Peacock",
    "Red Crane",
    "Blue Horizon",
)
_COMPOUND_SECOND = ("Bay", "Garden", "Heights", "Valley", "Harbour", "Court", "Hill", "Riverside", "Lagoon")
_COMPOUND_KIND = ("Park", "Complex", "Tech Zone", "Residence", "Centre", "Plaza", "Resort", "Tower")

REAL_COMPOUND_NAMES_BLOCKLIST: tuple[str, ...] = (
    "golden fortune",
    "jinbei",
    "jin bei",
    "kaibo",
    "chinatown",
    "huione",
    "prince",
    "long bay",
    "kk park",
    "yatai",
    "shwe kokko",
    "golden triangle",
    "crown",
)
"""Lower-case fragments of real compound/company names that generated names must never contain."""


def sample_compound_name(rng: random.Random) -> str:
    """A fictional compound name such as "Jade Harbour Tech Zone Building C"."""
    while True:
        base = f"{rng.choice(_COMPOUND_FIRST)} {rng.choice(_COMPOUND_SECOND)} {rng.choice(_COMPOUND_KIND)}"
        if rng.random() < 0.6:
            name = f"{base} Building {rng.choice('ABCDEFGH')}"
        else:
            name = f"{base} Block {rng.randint(1, 12)}"
        lowered = name.lower()
        if not any(bad in lowered for bad in REAL_COMPOUND_NAMES_BLOCKLIST):
            return name
