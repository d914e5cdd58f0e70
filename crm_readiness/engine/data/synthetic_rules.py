"""The rules file (data contract) of the synthetic export; shipped as the demo's rules."""

RULES_YAML = """\
# Rules (data contract) for the synthetic customer export of the demo company.
version: 1
as_of: 2025-06-30
columns:
  客户编号: {required: true, pattern: "C[0-9]{6,7}", unique: true}
  客户名称: {required: true}
  统一社会信用代码: {format: cn_uscc}
  联系人: {required: true}
  手机: {format: cn_mobile}
  座机: {format: cn_landline, city_column: 城市}
  邮箱: {format: email}
  城市: {required: true}
  地址: {}
  行业: {format: enum, enum: [制造业, 批发零售, 信息技术, 物流运输, 医药健康, 建筑建材, 其他]}
  客户等级: {format: enum, enum: [A, B, C, D]}
  最近联系日期: {format: date, max_age_days: 730, min: 2000-01-01}
duplicates:
  keys: [手机, 邮箱, 统一社会信用代码]
  hub_size: 8
  fuzzy:
    threshold: 0.7
    min_fields: 2
    fields:
      - {column: 客户名称, kind: company_name, weight: 4}
      - {column: 联系人, kind: exact, weight: 2}
      - {column: 手机, kind: exact, weight: 2}
      - {column: 邮箱, kind: exact, weight: 1.5}
      - {column: 统一社会信用代码, kind: exact, weight: 3}
      - {column: 座机, kind: exact, weight: 1}
    blocking:
      - columns: [客户名称]
      - columns: [手机]
      - columns: [邮箱]
      - columns: [统一社会信用代码]
      - columns: [联系人, 客户名称]
        typos_in: 客户名称
"""
