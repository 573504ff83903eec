"""The places of the policy documents, with their real GB/T 2260 codes, and their organs.

Each unit: (name, kind, level, enforcement power, vertical superior's name or None).
"""

from datetime import date

PARTY, GOV, ORG = "party_organ", "government_organ", "peoples_organisation"

# The demo's history (ADR 0009). Every unit is long-standing, and its staff on record since
# its establishment, except for the changes below, so that the dashboard's quarterly trend
# shows a unit joining and units gaining enforcement power after 2023 — while the figures
# of 2023-12-31 stay what they were whatever is added today.
LONG_STANDING = date(2000, 1, 1)
ESTABLISHED = {
    # Education and sports merged into one bureau (demo data).
    "城固县教育体育局": date(2024, 3, 1),
}
# The towns of this county given comprehensive administrative enforcement power on that
# day; before it they had none (demo data).
TOWNS_GAINING_POWER = "610722"
ENFORCEMENT_GAINED_ON = date(2024, 7, 1)

REGIONS = [
    # code, name, parent code
    ("110000", "北京市", None),
    ("110100", "市辖区", "110000"),
    ("110105", "朝阳区", "110100"),
    ("110108", "海淀区", "110100"),
    ("610000", "陕西省", None),
    ("610700", "汉中市", "610000"),
    ("610702", "汉台区", "610700"),
    ("610722", "城固县", "610700"),
]

CITY_UNITS = {
    "110000": [
        ("北京市司法局", GOV, "city", True, None),
        ("北京市公安局", GOV, "city", True, None),
        ("国家税务总局北京市税务局", GOV, "city", True, None),
        ("北京市市场监督管理局", GOV, "city", True, None),
        ("北京市委政法委员会", PARTY, "city", False, None),
    ],
    "610700": [
        ("汉中市司法局", GOV, "city", True, None),
        ("汉中市公安局", GOV, "city", True, None),
        ("国家税务总局汉中市税务局", GOV, "city", True, None),
        ("汉中市市场监督管理局", GOV, "city", True, None),
    ],
}

COUNTY_UNITS = {
    "110105": [
        ("中共北京市朝阳区委办公室", PARTY, "county", False, None),
        ("中共北京市朝阳区委组织部", PARTY, "county", False, None),
        ("中共北京市朝阳区委政法委员会", PARTY, "county", False, None),
        ("北京市朝阳区人民政府办公室", GOV, "county", False, None),
        ("北京市朝阳区司法局", GOV, "county", True, "北京市司法局"),
        ("北京市公安局朝阳分局", GOV, "county", True, "北京市公安局"),
        ("国家税务总局北京市朝阳区税务局", GOV, "county", True, "国家税务总局北京市税务局"),
        ("北京市朝阳区市场监督管理局", GOV, "county", True, "北京市市场监督管理局"),
        ("北京市朝阳区城市管理委员会", GOV, "county", True, None),
        ("北京市朝阳区城市管理综合行政执法监察局", GOV, "county", True, None),
        ("北京市朝阳区生态环境局", GOV, "county", True, None),
        ("北京市朝阳区应急管理局", GOV, "county", True, None),
        ("北京市朝阳区人力资源和社会保障局", GOV, "county", True, None),
        ("北京市朝阳区住房和城乡建设委员会", GOV, "county", True, None),
        ("北京市朝阳区卫生健康委员会", GOV, "county", True, None),
        ("北京市朝阳区教育委员会", GOV, "county", True, None),
        ("北京市朝阳区财政局", GOV, "county", True, None),
        ("北京市朝阳区发展和改革委员会", GOV, "county", False, None),
        ("北京市朝阳区民政局", GOV, "county", True, None),
        ("北京市朝阳区总工会", ORG, "county", False, None),
        ("共青团北京市朝阳区委员会", ORG, "county", False, None),
        ("北京市朝阳区妇女联合会", ORG, "county", False, None),
    ],
    "610722": [
        ("中共城固县委办公室", PARTY, "county", False, None),
        ("中共城固县委政法委员会", PARTY, "county", False, None),
        ("城固县人民政府办公室", GOV, "county", False, None),
        ("城固县司法局", GOV, "county", True, "汉中市司法局"),
        ("城固县公安局", GOV, "county", True, "汉中市公安局"),
        ("国家税务总局城固县税务局", GOV, "county", True, "国家税务总局汉中市税务局"),
        ("城固县市场监督管理局", GOV, "county", True, "汉中市市场监督管理局"),
        ("城固县自然资源局", GOV, "county", True, None),
        ("城固县交通运输局", GOV, "county", True, None),
        ("城固县农业农村局", GOV, "county", True, None),
        ("城固县住房和城乡建设局", GOV, "county", True, None),
        ("城固县卫生健康局", GOV, "county", True, None),
        ("城固县教育体育局", GOV, "county", True, None),
        ("城固县财政局", GOV, "county", False, None),
        ("城固县总工会", ORG, "county", False, None),
    ],
    "110108": [
        ("北京市海淀区司法局", GOV, "county", True, "北京市司法局"),
        ("北京市海淀区市场监督管理局", GOV, "county", True, "北京市市场监督管理局"),
        ("北京市海淀区人民政府办公室", GOV, "county", False, None),
    ],
    "610702": [
        ("汉中市汉台区司法局", GOV, "county", True, "汉中市司法局"),
        ("汉中市汉台区人民政府办公室", GOV, "county", False, None),
    ],
}

TOWNSHIPS = {
    "110105": [
        "建外街道办事处",
        "朝外街道办事处",
        "呼家楼街道办事处",
        "三里屯街道办事处",
        "左家庄街道办事处",
        "香河园街道办事处",
        "和平街街道办事处",
        "安贞街道办事处",
        "亚运村街道办事处",
        "小关街道办事处",
        "酒仙桥街道办事处",
        "麦子店街道办事处",
        "团结湖街道办事处",
        "六里屯街道办事处",
        "八里庄街道办事处",
        "双井街道办事处",
        "劲松街道办事处",
        "潘家园街道办事处",
        "垡头街道办事处",
        "南磨房地区办事处",
        "高碑店地区办事处",
        "将台地区办事处",
        "太阳宫地区办事处",
        "小红门地区办事处",
        "十八里店地区办事处",
        "平房地区办事处",
        "东风地区办事处",
        "来广营地区办事处",
        "常营地区办事处",
        "三间房地区办事处",
        "管庄地区办事处",
        "金盏地区办事处",
        "孙河地区办事处",
        "崔各庄地区办事处",
        "东坝地区办事处",
        "黑庄户地区办事处",
        "豆各庄地区办事处",
        "王四营地区办事处",
    ],
    "610722": [
        "博望街道办事处",
        "莲花街道办事处",
        "崔家山镇人民政府",
        "龙头镇人民政府",
        "沙河营镇人民政府",
        "文川镇人民政府",
        "柳林镇人民政府",
        "老庄镇人民政府",
        "桔园镇人民政府",
        "原公镇人民政府",
        "上元观镇人民政府",
        "天明镇人民政府",
        "二里镇人民政府",
        "五堵镇人民政府",
        "双溪镇人民政府",
        "小河镇人民政府",
        "三合镇人民政府",
    ],
}

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰萍红梅鹏辉斌宇浩凯"
    "健俊帆帅旭宁博文晨阳思雨欣悦婷雪琳晶慧颖佳怡嘉乐志海林峰亮波东晓春云飞"
)

LAW_FIRMS = {
    "110105": [
        "北京市朝正律师事务所",
        "北京市京阳律师事务所",
        "北京市东三环律师事务所",
        "北京市望京律师事务所",
    ],
    "610722": ["陕西汉韵律师事务所", "陕西城固正平律师事务所", "陕西天汉律师事务所"],
}

# Birthplace codes used in generated ID numbers (real GB/T 2260 county codes).
BIRTHPLACES = [
    "110105",
    "110108",
    "110102",
    "130102",
    "370102",
    "410105",
    "610722",
    "610702",
    "610113",
    "510104",
]
