"""Place names: telephone area codes of Chinese cities, and region names in company names.

The area codes are those of the national numbering plan (prefecture-level
cities; the municipalities use three digits). The table covers the capital
and larger cities; a city not in it is simply not checked for consistency.
"""

from __future__ import annotations

#: city (without 市) → telephone area code.
AREA_CODES: dict[str, str] = {
    "北京": "010", "上海": "021", "天津": "022", "重庆": "023", "广州": "020", "深圳": "0755",
    "东莞": "0769", "佛山": "0757", "珠海": "0756", "中山": "0760", "惠州": "0752",
    "汕头": "0754", "江门": "0750", "湛江": "0759", "沈阳": "024", "大连": "0411",
    "鞍山": "0412", "武汉": "027", "宜昌": "0717", "襄阳": "0710", "成都": "028",
    "绵阳": "0816", "西安": "029", "咸阳": "029", "南京": "025", "苏州": "0512",
    "无锡": "0510", "常州": "0519", "南通": "0513", "徐州": "0516", "扬州": "0514",
    "杭州": "0571", "宁波": "0574", "温州": "0577", "绍兴": "0575", "嘉兴": "0573",
    "金华": "0579", "台州": "0576", "合肥": "0551", "芜湖": "0553", "福州": "0591",
    "厦门": "0592", "泉州": "0595", "南昌": "0791", "济南": "0531", "青岛": "0532",
    "烟台": "0535", "潍坊": "0536", "临沂": "0539", "郑州": "0371", "洛阳": "0379",
    "长沙": "0731", "株洲": "0731", "南宁": "0771", "桂林": "0773", "海口": "0898",
    "贵阳": "0851", "昆明": "0871", "拉萨": "0891", "兰州": "0931", "西宁": "0971",
    "银川": "0951", "乌鲁木齐": "0991", "呼和浩特": "0471", "包头": "0472",
    "太原": "0351", "石家庄": "0311", "唐山": "0315", "保定": "0312", "哈尔滨": "0451",
    "长春": "0431", "吉林": "0432",
}

#: provinces and autonomous regions, for stripping a leading region from a company name.
PROVINCES: tuple[str, ...] = (
    "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
    "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)

#: region words a company name may carry in brackets or in front: cities, provinces, 中国.
REGION_NAMES: tuple[str, ...] = tuple(sorted({*AREA_CODES, *PROVINCES, "中国"},
                                             key=lambda s: (-len(s), s)))


def city_key(city: str) -> str:
    """Return a city name without a trailing 市 (the key of :data:`AREA_CODES`)."""
    c = city.strip()
    return c[:-1] if c.endswith("市") and len(c) > 2 else c
