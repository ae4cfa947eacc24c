"""English → Chinese glossary for questions about Chinese local-government records.

The corpus (年鉴, 大事记, 讲话, 政府工作报告 of Henan counties, districts and cities)
is Chinese only, while users may ask in English.  The multilingual embedder bridges
the languages approximately; this module is the deterministic complement: it turns
the English terms of a question ("district head", "inspect", "shantytown renovation",
"late March") into the Chinese expressions such documents actually use
(区长, 调研, 棚户区改造, 下旬), so lexical search and reranking can reach Chinese
passages without calling an LLM.

``GLOSSARY`` maps lowercase English terms (1–5 words) to Chinese expressions, most
specific first.  ``translate_terms`` finds every glossary phrase in a question
(longest match first, case-insensitive, on word boundaries, with light handling of
plurals and inflections) and returns their Chinese expressions in question order,
without duplicates.  Question words ("how many", "when", "what") are deliberately
absent, and so are words too generic to help ("work" → 工作, "city" → 市).
"""
from __future__ import annotations

import re

__all__ = ["GLOSSARY", "translate_terms"]

# One entry per line: ``english | english variant | ... = 中文1 中文2 ...``
# (Chinese expressions separated by spaces, most specific first).  A key listed
# twice gets the union of its expressions.
_TABLE = r"""
# ---------------------------------------------------------------- leaders and roles
mayor | city mayor | municipal mayor = 市长
deputy mayor | vice mayor | vice-mayor | assistant mayor = 副市长 市长助理
executive vice mayor | executive deputy mayor | standing vice mayor = 常务副市长
acting mayor = 代市长
party secretary | party chief | party boss | cpc secretary = 书记 市委书记 区委书记 县委书记
secretary of the cpc committee | secretary of the party committee | party committee secretary = 书记 党委书记 市委书记 区委书记 县委书记
municipal party secretary | city party secretary | city party chief | municipal party chief = 市委书记
municipal party committee secretary = 市委书记
district party secretary | district party chief | district party committee secretary = 区委书记
county party secretary | county party chief | county party committee secretary = 县委书记
provincial party secretary | provincial party chief = 省委书记
township party secretary | town party secretary = 乡镇党委书记 镇党委书记 乡党委书记
village party secretary | village party branch secretary | village secretary = 村党支部书记 村党组织书记 村支书 支书
community party secretary | community secretary = 社区党委书记 社区党支部书记 社区书记
deputy secretary | deputy party secretary = 副书记
secretary = 书记 秘书
secretary-general | secretary general = 秘书长
deputy secretary-general = 副秘书长
district head | district mayor | district chief | district governor | head of the district = 区长
deputy district head | deputy district mayor | vice district mayor | vice district head | deputy district chief = 副区长
executive deputy district head | executive deputy district mayor | executive vice district mayor = 常务副区长
acting district head | acting district mayor = 代区长
county head | county magistrate | county chief | county mayor | head of the county = 县长
deputy county head | deputy county magistrate | vice county head | vice county magistrate | deputy county chief = 副县长
executive deputy county head | executive deputy county magistrate = 常务副县长
acting county head | acting county magistrate = 代县长
governor | provincial governor = 省长
vice governor | deputy governor = 副省长
township head | township chief | town head | town mayor | township mayor = 乡长 镇长
village head | village chief | village director = 村委会主任 村主任
community director = 社区居委会主任 社区主任
sub-district director | street office director | director of the sub-district office = 街道办事处主任 办事处主任
sub-district party secretary | street party secretary = 街道党工委书记 党工委书记
party working committee = 党工委
management committee | administrative committee = 管委会 管理委员会
director of the management committee = 管委会主任
chairman | chairperson = 主席 主任
vice chairman | deputy chairman | vice chairperson = 副主席 副主任
chair = 主持 主席
director = 主任 局长
deputy director = 副主任 副局长
director-general | bureau chief | bureau director | head of the bureau = 局长
deputy bureau chief | deputy bureau director = 副局长
minister | department head | head of the department = 部长
deputy minister = 副部长
office director | director of the office = 办公室主任
spokesman | spokesperson = 新闻发言人 发言人
inspector = 督察 巡视员 督学
first-level inspector | level-one inspector = 一级巡视员
second-level inspector | level-two inspector = 二级巡视员
researcher | investigator = 调研员 研究员
president = 主席 院长 校长
principal = 校长
dean = 院长
chief procurator | procurator-general = 检察长
court president | president of the court = 法院院长 院长
police chief = 公安局局长 公安局长
general manager | ceo = 总经理
board chairman | chairman of the board = 董事长
legal representative = 法定代表人
leader | leadership = 领导
main leader | principal leader | top leader | chief leader = 主要领导 主要负责同志
leader in charge | official in charge | responsible leader = 分管领导 负责同志
person in charge | responsible person = 负责人
comrade = 同志
cadre | official = 干部
leading cadre | leading official | senior official = 领导干部
young cadre = 年轻干部
cadres and workers | staff and workers | employee = 干部职工 职工
personnel | staff = 人员 工作人员
leadership team | leading body = 领导班子 班子
four leading bodies | four sets of leadership | four teams = 四大班子 四个班子
member = 委员 成员
committee member = 委员
standing committee member | member of the standing committee = 常委
representative | delegate = 代表
deputy = 副 代表
expert | scholar | specialist = 专家 学者
academician = 院士
professor = 教授
entrepreneur | businessman | business people | merchant = 企业家 客商
investor = 投资者 客商
retired cadre | veteran cadre | old cadre | retiree = 老干部 离退休干部 离退休
model worker | labor model | labour model = 劳动模范 劳模
xi jinping | president xi | general secretary xi = 习近平 习近平总书记
general secretary = 总书记
premier = 总理
li keqiang = 李克强
li qiang = 李强

# ---------------------------------------------------------------- party, government and bodies
central committee | party central committee | cpc central committee = 党中央 中共中央
central government = 中央 国务院 中央政府
state council = 国务院
municipal party committee | city party committee | cpc municipal committee = 市委
district party committee | cpc district committee = 区委
county party committee | cpc county committee = 县委
provincial party committee | cpc provincial committee = 省委
party committee = 党委
party group | leading party group | party leadership group = 党组
party branch = 党支部 支部
party organization | party organisation | grassroots party organization = 党组织 基层党组织
party member = 党员
party members and cadres = 党员干部
party-mass | party and masses = 党群
party-mass service center | party and mass service center = 党群服务中心
standing committee = 常委会 常委
municipal government | city government = 市政府 市人民政府
district government = 区政府 区人民政府
county government = 县政府 县人民政府
provincial government = 省政府 省人民政府
township government | town government = 乡镇政府 乡镇人民政府
people's government = 人民政府
people's congress | npc | congress = 人民代表大会 人大
municipal people's congress | city people's congress = 市人大 市人民代表大会
district people's congress = 区人大 区人民代表大会
county people's congress = 县人大 县人民代表大会
provincial people's congress = 省人大 省人民代表大会
national people's congress = 全国人大 全国人民代表大会
npc deputy | people's congress deputy | deputy to the people's congress = 人大代表
npc standing committee | people's congress standing committee = 人大常委会
director of the standing committee | chairman of the standing committee = 人大常委会主任 常委会主任
cppcc | political consultative conference | chinese people's political consultative conference = 政协 政治协商会议
cppcc member | member of the cppcc = 政协委员
cppcc chairman | chairman of the cppcc | cppcc chair = 政协主席
party congress = 党代会 党代表大会
party congress deputy = 党代表
two sessions = 两会
npc and cppcc = 两会 人大 政协
discipline inspection commission | commission for discipline inspection | disciplinary commission | cdi = 纪委 纪律检查委员会 纪检
discipline inspection = 纪检 纪委
discipline inspection and supervision = 纪检监察
supervisory commission | supervision commission | supervisory committee = 监委 监察委员会
organization department | organisation department = 组织部
propaganda department | publicity department = 宣传部
united front | united front work department = 统战 统战部 统一战线
political and legal affairs commission | political and legal committee | political-legal = 政法委 政法
politics and law = 政法
court | people's court = 法院 人民法院
procuratorate | prosecutor | people's procuratorate = 检察院 人民检察院
public security | public security bureau | police = 公安 公安局 民警
police officer = 民警
armed police = 武警
people's armed forces department | armed forces department | pafd = 人武部 人民武装部
military affairs | armed forces work | military work = 武装工作 党管武装 人武部
militia = 民兵
military service | conscription | enlistment = 征兵 兵役
army | troops | pla = 部队 解放军 军队
military = 军事 部队 军队
soldier | serviceman | officers and soldiers = 官兵 军人
veteran | ex-serviceman | retired soldier | retired military personnel = 退役军人
veterans affairs bureau | veterans affairs = 退役军人事务局 退役军人事务
double support | military-civilian support | support the military = 双拥 拥军优属
martyr | revolutionary martyr = 烈士 革命烈士
martyrs' cemetery | martyrs cemetery = 烈士陵园
special care recipient | preferential treatment = 优抚对象 优抚
military family | families of servicemen = 军属 军烈属
democratic parties = 民主党派
non-party personages = 无党派人士
overseas chinese = 侨 华侨 侨联
taiwan affairs = 台办 对台
ethnic and religious affairs = 民族宗教 民宗
trade union | federation of trade unions | labor union = 工会 总工会
communist youth league | youth league = 共青团 团委
women's federation = 妇联
federation of industry and commerce = 工商联
literary and art circles | literary and art federation = 文联
science and technology association | association for science and technology = 科协
disabled persons' federation = 残联
red cross = 红十字会
charity federation = 慈善总会
chamber of commerce = 商会
association = 协会
sub-district | subdistrict | sub-district office | street office | street = 街道 街道办事处 办事处
townships and sub-districts = 乡镇 街道
community = 社区
neighborhood committee | residents' committee | neighbourhood committee = 居委会 居民委员会
village committee | villagers' committee = 村委会 村民委员会
two committees | village two committees = 两委 村两委
village = 村 村庄
villager = 村民
villager group | village group = 村民小组
administrative village = 行政村
natural village | hamlet = 自然村
township = 乡镇 镇 乡
town = 镇
townships and towns = 乡镇
central town | key town = 中心镇 重点镇
characteristic town | featured town | specialty town = 特色小镇
industrial cluster district | industrial cluster zone | industrial agglomeration area | industrial agglomeration district = 产业集聚区 集聚区
high-tech zone | hi-tech zone | high-tech park | high-tech industrial development zone = 高新区 高新技术产业开发区 高新技术产业园
economic development zone | development zone | economic and technological development zone | etdz = 经济技术开发区 经开区 开发区
free trade zone | pilot free trade zone = 自贸区 自由贸易试验区
bonded zone | comprehensive bonded zone = 综合保税区 保税区
demonstration zone | demonstration area = 示范区
urban-rural integration demonstration zone = 城乡一体化示范区
new district = 新区
committee | commission = 委员会
bureau = 局
office = 办公室
general office = 办公室 办公厅
department = 部门
relevant departments | related departments = 有关部门 相关部门
functional departments = 职能部门
center | centre = 中心
task force | working group | work team | special team = 工作专班 专班 工作组
headquarters | command post = 指挥部
leading group = 领导小组
development and reform commission | reform commission | ndrc = 发改委 发展和改革委员会 发展改革委
finance bureau | finance department = 财政局 财政
education bureau | education department = 教育局 教体局
health commission | health bureau = 卫健委 卫生健康委员会 卫生健康委
civil affairs bureau = 民政局
civil affairs = 民政
human resources and social security | human resources bureau = 人社局 人力资源和社会保障局 人社
natural resources and planning bureau | natural resources bureau = 自然资源和规划局 自然资源局
natural resources = 自然资源
land and resources = 国土资源 国土
ecology and environment bureau | ecological environment bureau | environmental protection bureau | epb = 生态环境局 生态环境分局 环保局
housing and urban-rural development bureau | housing and construction bureau | housing bureau = 住建局 住房和城乡建设局 住建
transport bureau | transportation bureau | transport department = 交通运输局 交通局
water resources bureau | water conservancy bureau = 水利局
agriculture and rural affairs bureau | agriculture bureau = 农业农村局 农业局
commerce bureau | bureau of commerce = 商务局
culture and tourism bureau | culture, radio and tourism bureau = 文化广电和旅游局 文广旅局 文旅局
market supervision bureau | market regulation bureau | administration for market regulation = 市场监管局 市场监督管理局
emergency management bureau = 应急管理局
emergency management = 应急管理
audit bureau = 审计局
statistics bureau | bureau of statistics = 统计局
tax bureau | taxation bureau = 税务局
urban management bureau | city management bureau = 城管局 城市管理局
urban management | city management | chengguan = 城市管理 城管
forestry bureau = 林业局
science and technology bureau = 科技局 科学技术局
industry and information technology bureau = 工信局 工业和信息化局
big data bureau | data bureau = 大数据局
administrative approval bureau | administrative examination and approval bureau = 行政审批局 行政审批服务局
letters and visits bureau | petition bureau | petition office = 信访局
judicial bureau | justice bureau = 司法局
retired cadres bureau = 老干部局
archives | archives bureau = 档案馆 档案局 档案
local chronicles office | chronicles office | local history office = 地方史志办 史志办 地方志
party history research office = 党史研究室
party school = 党校
institutional establishment | staffing commission | establishment office = 编办 机构编制 编委
sasac | state-owned assets = 国资委 国有资产 国资
state-owned capital = 国有资本
state-owned enterprise | soe = 国有企业 国企
private enterprise | private economy | private sector = 民营企业 民营经济 民企
enterprise | company | firm = 企业 公司
leading enterprise = 龙头企业
small and medium-sized enterprise | sme = 中小企业
small and micro enterprise = 小微企业
little giant | specialized and sophisticated = 专精特新 小巨人
above designated size | above-scale = 规模以上 规上
industrial enterprises above designated size = 规模以上工业企业 规上工业企业
market entity | market player | market subject | business entity = 市场主体
individual business | self-employed | individual industrial and commercial households = 个体工商户 个体户
financial institution = 金融机构
bank = 银行
rural commercial bank | rural credit cooperative = 农商行 农村商业银行 农信社
investment group | urban investment company | lgfv | chengtou = 投资集团 城投 融资平台
financing platform = 融资平台

# ---------------------------------------------------------------- meetings and events
meeting = 会议
conference = 会议 大会
convention | rally = 大会
session = 会议 次会议
plenary session | plenary meeting | plenum | plenary = 全会 全体会议
enlarged meeting | expanded meeting | enlarged session = 扩大会议 扩大
executive meeting | government executive meeting | standing meeting = 常务会议 政府常务会议
executive meeting of the government = 政府常务会议 常务会议
standing committee meeting | standing committee session | meeting of the standing committee = 常委会会议 常委会
symposium = 座谈会 研讨会
forum = 论坛 座谈会
seminar = 研讨会 座谈会
discussion meeting | panel discussion | roundtable = 座谈会
work conference | working conference | work meeting = 工作会议 工作会
economic work conference = 经济工作会议
central economic work conference = 中央经济工作会议
rural work conference = 农村工作会议
mobilization meeting | mobilisation meeting | mobilization conference | kick-off meeting | launch meeting = 动员会 动员大会 启动会
mobilization | mobilize | mobilise = 动员
promotion meeting | advancement meeting | progress meeting = 推进会 推进会议
on-site promotion meeting = 现场推进会 推进会
on-site meeting | field meeting | site meeting = 现场会
observation meeting | viewing meeting = 观摩会 观摩
project observation | project inspection and evaluation = 项目观摩 观摩
observe = 观摩 察看
regular meeting | routine meeting = 例会
dispatch meeting | scheduling meeting = 调度会 调度
coordination meeting = 协调会
joint meeting = 联席会议
video conference | videoconference | teleconference | video and telephone conference | televised conference = 电视电话会议 视频会议 视频会
study session | group study | centralized study | study meeting | collective study = 学习会 集中学习 学习
theoretical study center group | central group study | central group = 理论学习中心组 中心组学习 中心组
democratic life meeting = 民主生活会
organizational life meeting = 组织生活会
opening | opening ceremony = 开幕 开幕式
closing | closing ceremony = 闭幕 闭幕式
commendation meeting | award ceremony | recognition conference | commendation conference = 表彰大会 表彰会 表彰
summary meeting | summing-up meeting = 总结会 总结大会
press conference | news conference | press release conference = 新闻发布会 发布会
signing ceremony = 签约仪式 签约
groundbreaking ceremony | groundbreaking | foundation laying | foundation stone = 开工仪式 奠基 开工
unveiling ceremony | unveiling | plaque unveiling = 揭牌仪式 揭牌
ceremony = 仪式
oath-taking rally | pledge rally | oath rally = 誓师大会
report meeting | briefing meeting = 报告会 汇报会
lecture | preaching = 宣讲 讲座
training course | training class = 培训班
training = 培训
promotion conference | investment promotion conference = 推介会 招商推介会
exhibition | expo | fair = 展会 博览会
trade fair = 交易会 博览会
festival = 文化节 节会
temple fair = 庙会
competition | contest | tournament = 比赛 大赛 竞赛
games | sports meet | sports games = 运动会
marathon = 马拉松
first session = 第一次会议 一次会议
second session = 第二次会议 二次会议
third session = 第三次会议 三次会议
fourth session = 第四次会议 四次会议
fifth session = 第五次会议 五次会议
sixth session = 第六次会议 六次会议
seventh session = 第七次会议 七次会议
eighth session = 第八次会议 八次会议
first plenary session | first plenum = 一次全会 一中全会 第一次全体会议
second plenary session | second plenum = 二次全会 二中全会 第二次全体会议
third plenary session | third plenum = 三次全会 三中全会 第三次全体会议
fourth plenary session | fourth plenum = 四次全会 四中全会 第四次全体会议
fifth plenary session | fifth plenum = 五次全会 五中全会 第五次全体会议
sixth plenary session | sixth plenum = 六次全会 六中全会 第六次全体会议
seventh plenary session | seventh plenum = 七次全会 七中全会 第七次全体会议
eighth plenary session | eighth plenum = 八次全会 八中全会 第八次全体会议
ninth plenary session | ninth plenum = 九次全会 九中全会 第九次全体会议
tenth plenary session | tenth plenum = 十次全会 十中全会 第十次全体会议
20th party congress | 20th national congress | twentieth party congress = 党的二十大 二十大
19th party congress | 19th national congress | nineteenth party congress = 党的十九大 十九大
18th party congress | 18th national congress = 党的十八大 十八大
change of term | general election | term change = 换届 换届选举
village election | village committee election = 村两委换届 村委换届 换届选举
election | elect | vote | voting = 选举 表决
appointment and removal | appoint and dismiss | personnel appointment = 人事任免 任免
appoint | appointment = 任命 任免
resign | resignation = 辞职 辞去
proposal = 提案 建议
motion = 议案
suggestion = 建议
handling of proposals | proposal handling = 提案办理 建议办理
deliberation | deliberate | review = 审议 审查
review and approve = 审议通过
pass | adopt = 通过 审议通过
consultation | consult = 协商

# ---------------------------------------------------------------- actions
inspect | survey | visit for research | research visit | field research = 调研 视察 检查
inspection = 检查 视察 调研 督查
investigation and research | fact-finding = 调研 调查研究
research = 调研 研究
investigate | investigation = 调查 调研
visit = 调研 考察 视察 走访 看望
tour | study tour | study visit = 考察 参观 考察学习
check = 检查
examine = 检查 审查
spot check | random check | random inspection = 抽查
unannounced visit | unannounced inspection | covert inspection = 暗访 四不两直
on-site | on the spot | field visit = 现场 实地
inspection tour | party inspection | circuit inspection | patrol inspection = 巡视 巡察
inspection team = 巡察组 巡视组 督查组 督导组 检查组
inspection feedback = 巡视反馈 巡察反馈
preside over | preside | host = 主持
convene | hold = 召开 举行
organize | organise = 组织 举办
attend = 出席 参加
participate | take part | take part in | join = 参加 参与
accompany | accompanied by = 陪同
require | demand | request | ask = 要求 强调 指出
requirement = 要求
call for | call on | urge = 要求 号召 督促
emphasize | emphasise | stress | underline | highlight | emphasis = 强调
point out = 指出
say = 表示 指出
mention = 提到 提出
propose | put forward | raise = 提出
instruct | instruction | directive | written instruction | give instructions = 指示 批示
important instructions | important instruction = 重要指示 重要讲话 指示批示
deploy | arrange | arrangement | deployment | plan and deploy | make arrangements = 部署 安排部署 安排
implement | carry out | put into practice | execute | fulfil = 落实 贯彻落实 实施
implementation = 落实 实施 贯彻落实
conduct = 开展
launch = 启动 开工 开展
start | kick off | initiate = 启动 开始
start construction | commence construction | break ground | construction start | begin construction = 开工 开工建设
supervise | supervision = 督导 督查 监督
supervisory inspection | supervise and inspect | inspect and supervise = 督查 督导
oversight = 监督
oversee | in charge of | responsible for | be responsible = 分管 负责
steering = 督导
special inspection = 专项检查 专项督查
environmental inspection | environmental protection inspection | central environmental inspection = 环保督察 生态环境保护督察 督察
rectify | rectification = 整改 整治
problem rectification | rectification of problems = 问题整改 整改
remediate | remediation = 整治 治理
special rectification | special governance | special treatment = 专项整治 专项治理
renovate | renovation | transform | transformation | retrofit = 改造 提升
upgrade = 提升 升级 改造
improve | improvement | enhance = 提升 改善
strengthen = 加强
promote | advance | push forward = 推进 推动 促进
accelerate | speed up = 加快
ensure | guarantee = 确保 保障
coordinate | coordination = 统筹 协调
solve | resolve = 解决
condolences | condolence | visit and comfort | express condolences | extend greetings | comfort = 慰问 看望慰问 走访慰问
festive visit | holiday visit = 走访慰问 慰问
sign | signing = 签约 签订 签署
contract = 合同 签约
agreement = 协议
cooperation agreement = 合作协议
strategic cooperation agreement = 战略合作协议
framework agreement = 框架协议
memorandum | mou = 备忘录
cooperation | cooperate = 合作
strategic cooperation = 战略合作
sister city | friendly city = 友好城市 友城
counterpart support | pairing assistance | counterpart assistance = 对口支援 对口帮扶
paired assistance | pairing | pair up = 结对帮扶 结对
east-west cooperation = 东西部协作
complete | completion | finish = 竣工 完成 建成
complete construction | construction completed = 竣工 建成
completion rate = 完成率
put into operation | put into production | go into operation | begin operation = 投产 投用 投入使用 运营
open to traffic | traffic opening = 通车
trial operation = 试运行 试运营
acceptance | acceptance inspection = 验收
handover | deliver = 交付
settle | move in = 入驻 落地
project landing = 项目落地 落地
introduce = 引进
attract = 吸引 引进
invest = 投资
delegation = 代表团 考察团 一行
guest | visitor = 嘉宾 来宾 客人
receive = 会见 接待
meet | meet with = 会见 会谈
talk | hold talks = 会谈 座谈
exchange = 交流
discuss | discussion = 讨论 研究 交流
negotiate | negotiation = 洽谈 谈判
matchmaking | docking = 对接 洽谈
guide | guidance | give guidance = 指导
command = 指挥
lead | lead a delegation = 带领 率领 率队
assign | division of labor = 分工 安排
accountability | hold accountable = 问责
responsibility = 责任
responsibility system = 责任制
target responsibility = 目标责任
responsibility letter | target responsibility letter | responsibility pledge | commitment letter = 目标责任书 责任书
punish | punishment | disciplinary action | sanction = 处分 处理 处罚
party discipline = 党纪 党纪处分
discipline | disciplinary = 纪律 纪检
warning = 警告 预警
early warning = 预警
interview | admonish | admonishing talk = 约谈 诫勉谈话
case = 案件
file a case | case filing = 立案
investigate and punish | investigate and deal with = 查处
crack down | crackdown | strike hard = 打击 严打
arrest = 抓获 逮捕
law enforcement = 执法
comprehensive law enforcement = 综合行政执法 综合执法
administrative law enforcement = 行政执法
commend | commendation | recognition = 表彰
award = 奖 表彰 授予
prize = 奖
first prize = 一等奖
second prize = 二等奖
third prize = 三等奖
honor | honour | honorary title | title = 荣誉称号 荣誉 称号
advanced individual = 先进个人
advanced collective = 先进集体
advanced unit = 先进单位
model = 模范 示范 标兵
pacesetter = 标兵
outstanding | excellent = 优秀
rank | ranking = 排名 位次 名列
first place | ranked first | number one = 第一 首位
top ten = 十强 前十
top 100 | top hundred | hundred strong = 百强
hundred strong counties | top 100 counties = 百强县
pilot = 试点
demonstration = 示范
demonstration county = 示范县
demonstration village = 示范村
benchmark = 标杆 对标
approve | approval = 批准 审批 通过
formulate | draft = 制定 起草
revise | amend = 修订 修改
issue = 印发 出台 问题
publish | release = 发布 印发 公布
announcement | announce = 公告 公布
establish | set up | establishment = 成立 设立 建立
abolish | revoke | cancel = 撤销 取消
merge | merger = 合并 整合
adjust | adjustment = 调整
rename = 更名
donate | donation = 捐赠 捐款
charity | charitable = 慈善
blood donation = 无偿献血 献血
volunteer | volunteering | volunteer service = 志愿者 志愿服务
speak | deliver a speech | give a speech | make a speech | remarks = 讲话 发言 致辞
address = 讲话 致辞
welcome speech | greeting speech = 致辞
keynote speech = 主旨演讲
important speech = 重要讲话
listen to report | hear report | listen to the report | hear a briefing = 听取 汇报
brief | briefing = 汇报 通报
circular | notify = 通报 通知
publicize | publicity | propaganda = 宣传
promotion = 宣传 推介 推广
allocate | allocation | appropriate funds = 拨付 下达
spend | spending = 投入 支出
subsidy | subsidize | allowance | grant = 补贴 补助 奖补
reward | incentive | bonus = 奖励 奖补
demolish | demolition = 拆除 拆迁
support | assist | assistance | help | aid = 帮扶 支持 扶持

# ---------------------------------------------------------------- epidemic
epidemic prevention and control | pandemic prevention and control | epidemic control | epidemic prevention = 疫情防控 防控
prevention and control = 防控
normalized prevention and control | regular epidemic prevention | routine epidemic prevention = 常态化疫情防控 常态化
epidemic | pandemic | outbreak = 疫情
covid-19 | covid | coronavirus | novel coronavirus | ncp | sars-cov-2 = 新冠肺炎 新冠 新型冠状病毒 疫情
vaccine | vaccination | vaccinate | inoculation = 疫苗 接种 疫苗接种
nucleic acid test | nucleic acid testing | pcr test | covid test | mass testing = 核酸检测 核酸
mask | face mask = 口罩
quarantine | isolation | isolate = 隔离 集中隔离
lockdown | closed management | sealed management = 封控 封闭管理 静默
close contact = 密接 密切接触者
confirmed case = 确诊病例 确诊
asymptomatic = 无症状
health code = 健康码
temperature check | temperature measurement = 测温 体温检测
disinfection | disinfect | sterilization = 消毒 消杀
high-risk area | medium and high risk = 中高风险 高风险地区
fever clinic = 发热门诊
returnee | people returning home = 返乡人员 返乡
resumption of work and production | resumption of work | resume work | resume production | return to work = 复工复产 复工 复产
reopening of businesses | resumption of business = 复商复市 复工复产
resumption of classes | school reopening | return to school = 复课 开学
six stabilities | six stabilizations = 六稳
six guarantees | six securities | six priorities = 六保
six stabilities and six guarantees = 六稳 六保

# ---------------------------------------------------------------- agriculture and rural areas
high-standard farmland | high standard farmland | well-facilitated farmland | high-standard cropland | high-quality farmland = 高标准农田 高标准农田建设
farmland | cropland | arable land | cultivated land = 耕地 农田
farmland protection | cultivated land protection = 耕地保护
basic farmland | permanent basic farmland = 永久基本农田 基本农田
farmland red line | cultivated land red line = 耕地红线
red line = 红线
farmland water conservancy | irrigation works = 农田水利
land reclamation = 复垦 土地整治
land consolidation = 土地整治 土地整理
illegal land use | illegal occupation of farmland = 违法用地 乱占耕地
non-agricultural use | non-agriculturalization = 非农化
non-grain use = 非粮化
spring ploughing | spring plowing | spring farming | spring sowing | spring planting = 春耕 春播 春耕生产 春季农业生产
spring agricultural production = 春季农业生产 春耕生产
spring field management | spring management = 春季田间管理 春管 麦田管理
field management = 田间管理
summer harvest | wheat harvest | summer grain harvest | three summers | sanxia = 三夏 夏收 麦收
summer sowing | summer planting = 夏种 夏播
autumn harvest | fall harvest = 秋收 三秋
autumn sowing | autumn planting | winter wheat sowing = 秋播 秋种
harvest = 收获 收割 丰收
bumper harvest = 丰收
straw burning | crop straw burning | burning straw | straw burning ban = 秸秆禁烧 焚烧秸秆 禁烧
straw = 秸秆
straw utilization | comprehensive utilization of straw = 秸秆综合利用
comprehensive utilization = 综合利用
wheat = 小麦 麦
corn | maize = 玉米
rice = 水稻 大米
soybean | soy = 大豆
peanut = 花生
cotton = 棉花
vegetable = 蔬菜
fruit = 水果 林果
tobacco = 烟叶 烟草
tea = 茶叶
edible fungi | mushroom = 食用菌 香菇
flowers and seedlings | flowers and nursery stock | nursery stock | flower and seedling = 花木 花卉苗木 苗木
flower = 花卉
chinese medicinal herbs | medicinal materials | herbal medicine = 中药材
traditional chinese medicine | tcm = 中医药 中医 中药
honeysuckle = 金银花
garlic = 大蒜
chili | chilli | pepper = 辣椒
sweet potato = 红薯
seed | seed industry = 种子 种业
variety = 品种
sapling | seedling = 苗木 树苗
pest | pest control | diseases and pests | pest and disease = 病虫害 病虫害防治
fertilizer = 化肥 肥料
pesticide = 农药
drought = 干旱 旱情 抗旱
drought relief | drought resistance | fight drought = 抗旱
irrigation = 灌溉 浇灌
water-saving irrigation = 节水灌溉
agricultural machinery | farm machinery = 农机 农业机械
mechanization = 机械化
agriculture | agricultural | farming = 农业
rural | countryside | rural area = 农村 乡村
farmer | peasant = 农民
three rural issues | sannong | agriculture, rural areas and farmers = 三农
grain = 粮食
grain output | grain production | grain yield = 粮食产量 粮食生产
food security | grain security = 粮食安全
grain purchase | grain procurement = 粮食收购 收购
grain reserve | grain depot = 储备粮 粮库
per mu = 亩产 亩
mu = 亩
hectare = 公顷
yield = 产量 单产
output = 产量 产值
output value = 产值
total output value = 总产值
livestock | animal husbandry | livestock farming | breeding = 畜牧 畜牧业 养殖
pig | hog | live pig | pork = 生猪
cattle | beef cattle = 肉牛
dairy | dairy cow = 奶牛 奶业
sheep | goat = 羊
poultry | chicken = 家禽 鸡
african swine fever = 非洲猪瘟
animal epidemic | animal disease = 动物疫病
aquaculture | fishery | fisheries = 水产 渔业 水产养殖
farm = 农场 养殖场
family farm = 家庭农场
cooperative | co-op | farmer cooperative | farmers' professional cooperative = 合作社 农民专业合作社
agricultural industrialization = 农业产业化
leading agricultural enterprise | agricultural leading enterprise = 农业产业化龙头企业 龙头企业
agricultural product | farm produce | agricultural produce = 农产品
agricultural product processing | food processing = 农产品加工 食品加工
food industry = 食品产业 食品工业
brand | branding = 品牌
geographical indication = 地理标志
green food = 绿色食品
organic = 有机
e-commerce | ecommerce | online retail = 电商 电子商务
rural e-commerce = 农村电商 电商
live streaming | livestreaming | live-stream sales = 直播带货 直播
express delivery | courier = 快递
logistics = 物流
cold chain = 冷链
beautiful countryside | beautiful village = 美丽乡村
rural living environment | human settlements | living environment | rural human settlements = 人居环境 农村人居环境
toilet revolution | toilet renovation | rural toilet = 厕所革命 改厕
toilet | public toilet = 厕所 公厕
village cleaning | clean village | village cleanliness = 村庄清洁行动 村庄清洁
rural revitalization | rural vitalization | revitalize the countryside = 乡村振兴
rural revitalization bureau = 乡村振兴局
poverty alleviation | poverty reduction | fight against poverty | poverty eradication | anti-poverty = 脱贫攻坚 扶贫 脱贫
targeted poverty alleviation = 精准扶贫 精准脱贫
poverty | poor = 贫困
poor household | poverty-stricken household | registered poor household | poor family = 贫困户 建档立卡
poor village | poverty-stricken village = 贫困村
poor county | poverty-stricken county = 贫困县
lift out of poverty | shake off poverty | out of poverty | exit poverty = 脱贫 脱贫摘帽 摘帽
return to poverty | relapse into poverty = 返贫 防止返贫
consolidate poverty alleviation achievements = 巩固拓展脱贫攻坚成果 巩固脱贫成果
consolidate = 巩固
first secretary | resident first secretary = 驻村第一书记 第一书记
village-based work team | village work team | resident work team = 驻村工作队 驻村
relocation | poverty alleviation relocation | ex-situ relocation = 易地扶贫搬迁 易地搬迁 搬迁
land acquisition | land expropriation = 征地 征收 征迁
land acquisition and demolition | expropriation and relocation = 征地拆迁 征迁
industrial poverty alleviation = 产业扶贫
consumption poverty alleviation = 消费扶贫
employment poverty alleviation = 就业扶贫
poverty alleviation workshop = 扶贫车间
photovoltaic poverty alleviation = 光伏扶贫
minimum living allowance | dibao | subsistence allowance | minimum living guarantee = 低保 最低生活保障
extremely poor | wubao | five guarantees = 特困 五保
needy people | people in difficulty | needy families | families in difficulty = 困难群众 困难家庭
disadvantaged groups | vulnerable groups = 困难群体 弱势群体
collective economy | village collective economy | collective economic = 集体经济 村集体经济
collective income = 集体经济收入 集体收入
collective property rights reform | rural collective property rights = 集体产权制度改革 产权制度改革
land transfer | land circulation = 土地流转 流转
homestead | rural housing land = 宅基地
contracted land = 承包地
land rights confirmation | land confirmation = 确权
rural reform | comprehensive rural reform = 农村改革 农村综合改革
village rules | village rules and regulations = 村规民约
changing customs | transform customs | new customs = 移风易俗
funeral reform | funeral | burial | cremation | cemetery = 殡葬改革 殡葬 公墓 火化
traditional village | ancient village = 传统村落 古村落
villager self-governance = 村民自治

# ---------------------------------------------------------------- environment and ecology
environmental protection | environment protection | environmental = 环保 环境保护 生态环境
environment = 环境
ecological environment | ecology | eco-environment | ecological = 生态环境 生态
ecological civilization = 生态文明
ecological protection = 生态保护
ecological restoration = 生态修复
air pollution = 大气污染 大气污染防治
air quality = 空气质量 优良天数
good air days | good days | days of good air quality = 优良天数
pm2.5 | fine particulate matter | particulate matter = PM2.5 细颗粒物
pm10 = PM10
haze | smog = 雾霾
heavy pollution weather | heavily polluted weather = 重污染天气
blue sky | blue sky defense | battle for blue skies = 蓝天保卫战 蓝天
clear water | clear water defense = 碧水保卫战 碧水
pure land | soil pollution = 净土保卫战 土壤污染
pollution prevention | pollution control | pollution prevention and control | pollution treatment | battle against pollution = 污染防治 污染防治攻坚战 治污
pollution = 污染
polluting enterprise | scattered polluting enterprises = 污染企业 散乱污
dust | dust pollution | dust control | raised dust | fugitive dust = 扬尘 扬尘治理
construction site = 施工工地 建筑工地 工地
bulk coal | loose coal | scattered coal = 散煤
coal to gas | coal-to-gas | coal-to-electricity | clean heating = 清洁取暖 双替代 煤改气 煤改电
coal = 煤炭 煤
emission = 排放
emission reduction = 减排
energy saving | energy conservation = 节能 节能减排
carbon peak | peak carbon | carbon peaking = 碳达峰
carbon neutrality | carbon neutral = 碳中和
dual carbon | double carbon | carbon goals = 双碳 碳达峰 碳中和
carbon emission = 碳排放
low-carbon | low carbon = 低碳
green development = 绿色发展
green = 绿色 绿化
vehicle exhaust | motor vehicle emissions | tail gas = 机动车尾气 尾气
diesel truck = 柴油货车
volatile organic compounds | vocs = 挥发性有机物 VOCs
wastewater | sewage | sewerage | waste water = 污水
sewage treatment | wastewater treatment | sewage disposal | sewage treatment plant = 污水处理 污水处理厂
sewage pipe network | sewer network | sewer = 污水管网 管网
rain and sewage diversion | rainwater and sewage separation = 雨污分流
black and odorous water | black and smelly water | malodorous water bodies = 黑臭水体
water pollution = 水污染
water quality = 水质
drinking water = 饮用水 饮水
drinking water source = 饮用水水源 水源地
safe drinking water | rural drinking water safety = 饮水安全 农村饮水安全
tap water | water supply = 供水 自来水
urban-rural water supply integration | rural water supply = 城乡供水一体化 农村供水
garbage | rubbish | trash | domestic waste | household waste = 垃圾 生活垃圾
waste = 垃圾 废物
solid waste = 固体废物 固废
hazardous waste = 危险废物 危废
medical waste = 医疗废物
garbage sorting | waste sorting | garbage classification | waste classification | waste separation = 垃圾分类
trash sorting | rubbish sorting = 垃圾分类
garbage disposal | waste disposal | waste treatment | garbage treatment = 垃圾处理 垃圾清运
waste incineration | garbage incineration | waste-to-energy = 垃圾焚烧 焚烧发电
landfill = 填埋 垃圾填埋场
sanitation | environmental sanitation | street cleaning = 环卫 环境卫生
sanitation worker = 环卫工人
noise = 噪声 噪音
mining | mine | mining area = 矿山 采矿
mine restoration = 矿山修复 矿山生态修复
illegal mining = 非法采矿 盗采
sand mining | illegal sand mining = 非法采砂 采砂
wetland | wetland park = 湿地 湿地公园
park = 公园 园区
pocket park = 游园 口袋公园
green space | green land = 绿地
green coverage | greening rate | green coverage rate = 绿化覆盖率 绿地率
forest coverage | forest coverage rate = 森林覆盖率
forest = 森林
forest city | national forest city = 国家森林城市 森林城市
forest fire | forest fire prevention = 森林防火
fire prevention = 防火
afforestation | tree planting | plant trees | voluntary tree planting | compulsory tree planting = 植树造林 义务植树 植树 造林 绿化
greening | landscaping = 绿化
land greening | territorial greening | national land greening = 国土绿化
ecological corridor = 生态廊道
shelterbelt | shelter forest = 防护林
tree = 树木 植树
river chief | river chief system | river head = 河长 河长制
lake chief | lake chief system = 湖长 湖长制
forest chief | forest chief system = 林长 林长制
river patrol = 巡河
four chaos | four disorders = 清四乱 四乱
river regulation | river management | river improvement = 河道治理 河道整治
river = 河道 河流
lake = 湖
reservoir = 水库
canal | channel = 干渠 渠
ditch = 沟渠
pond = 坑塘
water system | water system connectivity = 水系连通 水系
water ecology = 水生态
water resources = 水资源
water saving | water conservation | water-saving = 节水 节约用水
groundwater | groundwater overexploitation = 地下水 地下水超采
south-to-north water diversion | south-north water diversion = 南水北调
water diversion = 引水 调水
yellow river = 黄河
yellow river basin = 黄河流域
yellow river protection = 黄河流域生态保护和高质量发展 黄河流域
huaihe river | huai river | huaihe = 淮河
water conservancy | water conservancy project | hydraulic engineering | water works = 水利 水利工程
flood control | flood prevention | flood season | anti-flood | flood fighting = 防汛 防汛抗旱 汛期
flood control and drought relief = 防汛抗旱
flood | flooding | flood disaster = 洪水 洪涝 汛情
rainstorm | heavy rain | torrential rain | extreme rainfall = 暴雨 强降雨 特大暴雨
july 20 rainstorm = 7·20 特大暴雨
rainfall | precipitation = 降雨 降水
waterlogging | urban waterlogging = 城市内涝 内涝
flood discharge = 泄洪
flood storage area | flood detention area = 蓄滞洪区 滞洪区
dam | levee | embankment | dike | dyke = 堤防 大坝 堤
emergency rescue | rescue | rescue and relief = 抢险救灾 抢险 救援
disaster relief | disaster = 救灾 灾害
post-disaster reconstruction | reconstruction | disaster recovery = 灾后重建 重建
natural disaster = 自然灾害
geological disaster | geological hazard = 地质灾害
earthquake = 地震
weather | meteorology | meteorological = 气象 天气
artificial rainfall | cloud seeding | weather modification = 人工增雨 人工影响天气
heatwave | high temperature = 高温
snow | snowstorm | blizzard | snowfall = 降雪 雨雪 暴雪
freezing | icy road = 冰冻 冰雪 结冰
snow removal | clear snow | snow and ice removal = 除雪 清雪 除雪融冰
winter = 冬季
summer = 夏季
spring = 春季
autumn = 秋季
heating | winter heating | central heating = 供暖 取暖 集中供暖
natural gas | gas | gas supply = 天然气 燃气
gas safety = 燃气安全
electricity | power supply | electricity supply = 电力 供电 用电
electricity consumption = 用电量
power grid | state grid = 电网 国家电网
grid = 网格 电网
power outage | blackout = 停电
photovoltaic | solar | pv | solar power = 光伏 太阳能
wind power = 风电
new energy | renewable energy | clean energy = 新能源 可再生能源 清洁能源
new energy vehicle | electric vehicle | nev = 新能源汽车 电动汽车
charging pile | charging station = 充电桩 充电站
hydrogen | hydrogen energy = 氢能
energy = 能源

# ---------------------------------------------------------------- urban construction and housing
shantytown renovation | shanty town renovation | shantytown redevelopment | shantytown reconstruction | shanty town reconstruction = 棚户区改造 棚改 棚户区
shantytown | shanty town | slum renovation = 棚户区 棚改 棚户区改造
resettlement housing | resettlement | relocation housing | resettlement community = 安置房 安置 回迁 安置区
urban village | village in the city | urban village renovation | urban village reconstruction = 城中村 城中村改造
old residential area renovation | old residential community renovation | old neighborhood renovation | old community renovation = 老旧小区改造 老旧小区
renovation of old residential areas | old residential area | old community | old neighborhood | old housing estate = 老旧小区 老旧小区改造
residential community | residential compound | housing estate | residential area = 小区 居民小区
property management = 物业 物业管理
urban renewal | urban regeneration = 城市更新
city quality improvement | urban quality improvement | hundred cities quality improvement | hundred cities improvement | urban upgrading = 百城提质 城市提质 百城建设提质工程 提质
urban construction | city construction = 城市建设 城建
urban planning | city planning = 城市规划 规划
planning = 规划
spatial planning | territorial spatial planning | land use planning = 国土空间规划
master plan | overall plan = 总体规划
regulatory plan | detailed plan = 控制性详细规划 控规
urban design = 城市设计
urbanization | urbanisation | new urbanization = 新型城镇化 城镇化
urbanization rate = 城镇化率
sponge city = 海绵城市
smart city = 智慧城市
digital government = 数字政府
city brain = 城市大脑
city appearance | cityscape | urban appearance = 市容市貌 市容
city appearance and environment = 市容环境
civilized city | national civilized city | civilised city | civilized city creation = 文明城市 全国文明城市 创文 创建文明城市
civilization | civility | spiritual civilization | civilized = 文明 精神文明
civilized village | civilized town = 文明村镇
civilized unit = 文明单位
civilized family = 文明家庭
civilization practice | new era civilization practice | civilization practice center = 新时代文明实践 文明实践中心
national sanitary city | national health city | national hygienic city = 国家卫生城市 卫生城市 创卫
sanitary city | hygienic city | health city = 卫生城市 国家卫生城市 创卫
patriotic health campaign | patriotic health = 爱国卫生运动 爱卫
garden city | national garden city = 国家园林城市 园林城市
livable | livable city | liveable = 宜居
road = 道路
road construction | road building | road project = 道路建设 道路
highway = 公路 高速公路
expressway | freeway = 高速公路 高速
national highway = 国道
provincial highway | provincial road = 省道
rural road | four good rural roads | country road = 四好农村路 农村公路 乡村道路
bridge = 桥梁 桥
overpass | flyover | interchange = 立交桥 互通立交 立交
tunnel = 隧道
underpass = 下穿 地下通道
ring road = 环路 环线
traffic = 交通
traffic congestion | congestion = 交通拥堵 拥堵
traffic safety | road safety = 交通安全 道路交通安全
traffic accident = 交通事故
parking | parking lot | parking space | car park = 停车场 停车位 停车
public transport | public transit | bus = 公交 公共交通
bus route | bus line = 公交线路
bus rapid transit | brt = 快速公交 BRT
railway | rail | railroad = 铁路
high-speed rail | high-speed railway | hsr | high-speed train | bullet train = 高铁 高速铁路
intercity railway | intercity rail = 城际铁路 城际
light rail | metro | subway | rail transit | urban rail transit = 轨道交通 城市轨道交通 地铁 轻轨
zhengxu light rail | zhengzhou-xuchang rail | zhengxu railway = 郑许市域铁路 郑许
airport = 机场
station | railway station | train station = 火车站 车站
high-speed rail station = 高铁站
logistics park = 物流园区 物流园
port | inland port | dry port = 内陆港 陆港 港
transportation hub | hub = 枢纽
pipe network | pipeline = 管网 管道
utility tunnel | pipe gallery | underground pipe gallery = 地下综合管廊 综合管廊 管廊
street light | streetlight | street lamp = 路灯
lighting | night lighting | lighting project | brightening = 亮化 亮化工程 照明
beautification | beautify = 美化
greening, lighting and beautification = 绿化 亮化 美化
facade renovation | building facade = 立面改造 外立面
illegal construction | illegal building | illegal structure = 违法建设 违建 违章建筑 违法建筑
demolition of illegal buildings | demolish illegal buildings = 拆违 拆除违法建设
real estate | property market | housing market = 房地产 楼市
real estate investment | real estate development investment = 房地产开发投资
commercial housing | commodity housing = 商品房
housing | house = 住房 房屋
affordable housing | guaranteed housing | indemnificatory housing | low-income housing = 保障性住房 保障房 公租房
public rental housing = 公租房
talent apartment = 人才公寓
dilapidated house | dangerous house | dilapidated housing renovation | rural dilapidated house = 危房改造 农村危房 危房
property certificate | property rights certificate | real estate certificate = 不动产权证 房产证 办证
real estate registration | property registration = 不动产登记
unfinished building | stalled project | unfinished housing = 烂尾楼 问题楼盘
guarantee delivery | ensure delivery of homes | guarantee housing delivery = 保交楼
elevator | elevator installation | lift = 加装电梯 电梯
self-built house | self-built housing | self-built building = 居民自建房 自建房
square | plaza = 广场
stadium | gymnasium | sports center = 体育中心 体育场 体育馆
library = 图书馆
museum = 博物馆
cultural center | culture center = 文化馆 文化中心
theater | theatre | grand theater = 大剧院 剧院
exhibition center | convention center = 会展中心
urban and rural | urban-rural = 城乡
urban = 城市 城区
urban area | downtown | city center | central urban area | main urban area = 中心城区 主城区 城区 市区
built-up area = 建成区
old town | old city | ancient city = 老城区 古城 老城
new town | new city = 新城 新区
suburb | suburban | outskirts = 郊区 城郊
urban-rural integration | integrated urban and rural development = 城乡融合 城乡一体化
integration = 一体化 融合
county economy | county-level economy | county economic development = 县域经济 县域
county area = 县域

# ---------------------------------------------------------------- economy, industry, investment
economy | economic = 经济
economic development = 经济发展
economic growth = 经济增长
economic operation | economic performance | economic situation = 经济运行 经济形势
stabilize growth | stable growth = 稳增长
stabilize employment | stable employment = 稳就业
high-quality development = 高质量发展
high-quality = 高质量
quality and efficiency = 提质增效
growth | growth rate = 增长 增速
increase = 增长 增加 提高
decrease | decline | drop | reduce | reduction = 下降 减少
year-on-year | year on year | yoy | compared with last year = 同比 同比增长
month-on-month = 环比
percentage point = 个百分点 百分点
business environment | investment environment | doing business | ease of doing business = 营商环境
optimize the business environment = 优化营商环境
investment promotion | attracting investment | attract investment | investment attraction | invite investment = 招商引资 招商
business attraction | investment solicitation = 招商引资 招商
investment promotion bureau = 招商局 投资促进局
industry chain investment promotion | industrial chain investment = 产业链招商
investment = 投资
foreign investment | foreign capital | fdi | foreign direct investment | utilized foreign capital = 利用外资 实际利用外资 外资
foreign-funded enterprise = 外资企业 外企
funds from outside the province | out-of-province funds | capital from outside the province = 省外资金 实际到位省外资金
contracted investment | agreed investment | contract value = 签约额 协议投资
project construction | project building | project development = 项目建设 项目
project = 项目
key project | major project | key construction project = 重点项目 重大项目
provincial key project = 省重点项目 重点项目
municipal key project = 市重点项目 重点项目
major industrial project = 重大产业项目
three batches | three batches of projects = 三个一批
officials help enterprises | help enterprises | ten thousand enterprises = 万人助万企 助企
serve enterprises | enterprise service | service for enterprises = 服务企业 企业服务
relief for enterprises | help enterprises through difficulties | bailout = 助企纾困 纾困
industrial park | industry park | industrial zone | industrial estate = 产业园 工业园区 产业园区 园区
standard factory building | standardized factory | standard workshop | standard factory = 标准化厂房
factory | workshop = 厂房 车间 工厂
production line = 生产线
manufacturing | manufacturing industry | manufacture | manufacturer = 制造业 制造
advanced manufacturing = 先进制造业
intelligent manufacturing | smart manufacturing = 智能制造
industry = 产业 工业
industrial = 工业 产业
industrial economy = 工业经济
industrial added value | industrial value added = 工业增加值
added value | value added = 增加值
industrial upgrading | industrial transformation | transformation and upgrading = 转型升级 产业升级
industrial chain | industry chain = 产业链
supply chain = 供应链
chain leader | chain chief | chain leader system = 链长 链长制
industrial cluster = 产业集群
leading industry | pillar industry | dominant industry = 主导产业 支柱产业
emerging industry | strategic emerging industry = 战略性新兴产业 新兴产业
traditional industry = 传统产业
future industry = 未来产业
service industry | services sector | tertiary industry | modern service industry = 服务业 第三产业 现代服务业
secondary industry = 第二产业
primary industry = 第一产业
producer services = 生产性服务业
construction industry | construction sector = 建筑业
real economy = 实体经济
equipment manufacturing = 装备制造
electrical equipment | power equipment | power transmission equipment = 电力装备 输变电装备
auto parts | automobile parts | automotive parts = 汽车零部件 汽配
automobile | auto | car | vehicle = 汽车
hair products | wig | hair = 发制品 假发
ceramics | ceramic | porcelain | jun porcelain | jun ware = 陶瓷 钧瓷
textile | garment | clothing = 纺织 服装
steel | iron and steel = 钢铁
nonferrous metals | aluminum | aluminium = 有色金属 铝
recycled metals | renewable resources | recycling | renewable metals = 再生金属 再生资源 循环利用
circular economy = 循环经济
chemical industry | chemical = 化工
new material = 新材料
biomedicine | biopharmaceutical | pharmaceutical | biomedical = 生物医药 医药
medical device | medical equipment = 医疗器械
electronic information | electronics = 电子信息 电子
semiconductor | chip | integrated circuit = 半导体 芯片 集成电路
software = 软件
robot | robotics = 机器人
artificial intelligence | ai = 人工智能
digital economy = 数字经济
digital transformation | digitalization | digitization = 数字化转型 数字化
digital = 数字 数字化
smart | intelligent = 智慧 智能
big data = 大数据
cloud computing = 云计算
blockchain = 区块链
internet | online = 互联网 网络 线上
internet plus | internet+ = 互联网+
5g | 5g base station = 5G 5G基站
base station = 基站
broadband | optical fiber | fiber = 宽带 光纤
industrial internet = 工业互联网
informatization | information technology = 信息化
information = 信息
new infrastructure = 新基建 新型基础设施
infrastructure = 基础设施 基础设施建设 基建
data center = 数据中心
computing power = 算力
cybersecurity | network security | cyber security = 网络安全
cyberspace affairs | cyberspace administration = 网信 网信办
technological innovation | scientific and technological innovation | tech innovation | technology innovation | science and technology innovation = 科技创新 创新
innovation = 创新
science and technology | technology | sci-tech | s&t = 科技 技术
r&d | research and development = 研发
r&d investment | r&d expenditure | r&d spending = 研发投入 研发经费
patent | invention patent = 专利 发明专利
intellectual property = 知识产权
high-tech enterprise | high-tech company | national high-tech enterprise | high and new technology enterprise = 高新技术企业 高企 国家高新技术企业
technology-based sme | sci-tech sme | technology-based small and medium-sized enterprises = 科技型中小企业
innovation platform | research platform = 创新平台 研发平台
engineering technology research center | engineering research center | engineering center = 工程技术研究中心 工程研究中心
key laboratory | laboratory | lab = 重点实验室 实验室
academician workstation = 院士工作站
postdoctoral workstation | postdoctoral = 博士后工作站 博士后
incubator | business incubator | maker space | makerspace = 孵化器 众创空间
achievement transformation | technology transfer | commercialization of research = 科技成果转化 成果转化
university | college = 高校 大学 学院
school-enterprise cooperation = 校企合作
industry-university-research | industry-academia-research = 产学研
talent = 人才
talent introduction | attract talent | introduce talent | talent attraction = 人才引进 引才
talent policy = 人才政策
high-level talent | high-end talent = 高层次人才
skilled worker | skilled labor | skills training | vocational skills = 技能人才 职业技能 技能培训
skill = 技能
vocational education | vocational school | vocational college | technical school = 职业教育 职业院校 职教 职业技术学院
entrepreneurship | start a business | startup | business startup = 创业
mass entrepreneurship and innovation | entrepreneurship and innovation | mass entrepreneurship = 双创 大众创业万众创新
returning home to start businesses | return home entrepreneurship = 返乡创业
migrant worker | rural migrant worker | peasant worker = 农民工
wage arrears | unpaid wages | wages owed | salary arrears | back pay = 拖欠工资 欠薪 根治欠薪
wage | salary = 工资 薪酬
labor export | labour export | labor transfer = 劳务输出 转移就业
employment | job = 就业
job creation | new jobs | new urban jobs | create jobs = 城镇新增就业 新增就业
unemployment | unemployed | unemployment rate = 失业 登记失业率 失业率
reemployment | re-employment = 再就业
college graduate | graduate | university graduate = 高校毕业生 毕业生
job fair | recruitment fair = 招聘会
recruitment | recruit | hire | hiring = 招聘 招录
civil servant | civil service exam = 公务员
public institution | institution = 事业单位
labor dispute | labor arbitration = 劳动争议 劳动仲裁
labor | labour = 劳动
worker = 职工 工人
listing | ipo | go public | going public = 上市 挂牌上市 首发上市
listed company | public company = 上市公司
new third board | neeq = 新三板
stock | stock exchange = 股票 股份 交易所
bond = 债券
special bond | special-purpose bond | special purpose bond | special debt | local government special bonds = 专项债券 专项债
general bond = 一般债券
refinancing bond = 再融资债券
debt = 债务
government debt | local government debt = 政府债务 政府性债务 地方政府债务 债务
hidden debt | implicit debt = 隐性债务
debt risk = 债务风险
ppp | public-private partnership | public private partnership = PPP 政府和社会资本合作
financial risk = 金融风险
illegal fundraising | illegal fund-raising | illegal financing = 非法集资
p2p | online lending = P2P 网贷
finance = 金融 财政
financial services = 金融服务
inclusive finance = 普惠金融
financing = 融资
financing difficulties | difficult financing = 融资难 融资贵
financing guarantee = 融资担保
bank-enterprise matchmaking | bank-enterprise = 银企对接 银企
loan = 贷款
insurance = 保险
agricultural insurance = 农业保险
securities = 证券
tax and fee reduction | tax and fee cuts | tax cuts and fee reductions | reduce taxes and fees = 减税降费
tax reduction | tax cut | tax relief = 减税降费 减税
tax refund | tax rebate | vat refund | value-added tax credit refund = 留抵退税 退税
tax | taxation = 税收 税
tax revenue = 税收收入 税收
fiscal revenue | financial revenue | government revenue | fiscal income | budget revenue = 财政收入 一般公共预算收入
general public budget revenue | public budget revenue = 一般公共预算收入 财政收入
general public budget = 一般公共预算
fiscal expenditure | fiscal spending | government spending | budget expenditure | public expenditure = 财政支出 一般公共预算支出
general public budget expenditure = 一般公共预算支出 财政支出
livelihood spending | livelihood expenditure | people's livelihood spending = 民生支出
budget = 预算
final accounts | final account = 决算
budget and final accounts = 预决算
fiscal = 财政
fund | funds | funding = 资金
capital = 资本 资金
transfer payment = 转移支付
government procurement | public procurement = 政府采购
bidding | tendering | bid | tender | bidding and tendering = 招标 招投标 投标
public resource trading | public resource trading center | public resources trading center = 公共资源交易 公共资源交易中心
land sale | land transfer fees | land auction | land grant | land sales revenue = 土地出让 土地出让金 出让收入
land = 土地
land use = 用地 土地利用
construction land | land indicators | land quota = 建设用地 用地指标
idle land | idle land disposal | unused land = 闲置土地 批而未供
gdp | gross domestic product | regional gdp | gross regional product | grp = 生产总值 地区生产总值 GDP 经济总量
economic output | economic aggregate | total output = 经济总量 生产总值
per capita gdp | gdp per capita = 人均生产总值 人均GDP
per capita = 人均
income | disposable income | per capita disposable income | income of residents = 可支配收入 人均可支配收入 收入
urban residents' income | urban residents' disposable income = 城镇居民人均可支配收入 城镇居民
rural residents' income | rural residents' disposable income | farmers' income | income of farmers | rural income = 农村居民人均可支配收入 农民收入 农民增收
increase income | income increase | raise incomes = 增收
urban residents = 城镇居民
rural residents = 农村居民
resident = 居民
citizen | city residents = 市民
masses | the masses = 群众 人民群众
population | permanent population | resident population | registered population = 人口 常住人口 户籍人口
census | population census | national census = 人口普查 普查
economic census = 经济普查
agricultural census = 农业普查
birth | fertility | family planning | birth rate | three-child policy = 生育 出生 计划生育 出生率 三孩
household registration | hukou = 户籍 户口
fixed-asset investment | fixed asset investment | fixed assets investment | investment in fixed assets | fai = 固定资产投资
industrial investment = 工业投资
private investment = 民间投资
infrastructure investment = 基础设施投资
total investment = 总投资
retail sales | total retail sales | retail sales of consumer goods | consumer retail sales = 社会消费品零售总额 社零 消费品零售
retail = 零售
consumption | consumer spending | consumer = 消费
consumption voucher | consumer voucher | consumption coupon | voucher | coupon = 消费券
promote consumption | boost consumption | stimulate consumption | expand consumption | consumption promotion = 促消费 促进消费 扩大消费
night economy | nighttime economy = 夜经济 夜间经济
pedestrian street | commercial street | shopping street | walking street | commercial pedestrian street = 步行街 商业街
shopping mall | mall | commercial complex | shopping center = 商场 商业综合体 购物中心
supermarket = 超市
market = 市场
farmers' market | wet market | vegetable market | farmer's market = 农贸市场 菜市场
wholesale market = 批发市场
price | price stability | price control = 物价 价格
cpi | consumer price index | inflation = 居民消费价格指数 CPI 物价
vegetable basket | vegetable basket project = 菜篮子
market supply | supply guarantee | ensure supply and stable prices = 保供稳价 市场供应 保供
food safety = 食品安全
drug safety | drug regulation | medicine safety = 药品安全 药品监管
drug = 药品 毒品
drug control | anti-drug | narcotics control | anti-narcotics = 禁毒
special equipment = 特种设备
quality | product quality = 质量
quality improvement = 提质 质量提升
standardization = 标准化
metrology = 计量
inspection and testing | testing = 检验检测 检测
standard = 标准
meet standards | up to standard | compliance = 达标
qualified = 合格
license | licence | permit | business license = 许可证 营业执照 证照
certificate = 证书
credit | social credit | credit system | creditworthiness | dishonesty = 信用 社会信用体系 失信 诚信
blacklist = 黑名单 失信
foreign trade | import and export | imports and exports | total imports and exports = 外贸 进出口 进出口总额
export = 出口
import = 进口
cross-border e-commerce | cross-border ecommerce = 跨境电商 跨境电子商务
belt and road | belt and road initiative | one belt one road | bri | silk road = 一带一路 丝绸之路
opening up | opening-up | opening to the outside world | open economy = 对外开放 开放
reform and opening up = 改革开放
foreign affairs = 外事
international = 国际
foreign | overseas | abroad = 境外 海外 国外
reform = 改革
deepen reform | deepening reform | comprehensively deepening reform = 全面深化改革 深化改革
comprehensive deepening reform commission | reform commission = 全面深化改革委员会 深改委
institutional reform | institution reform | organizational reform | government restructuring | reform of institutions = 机构改革
streamline administration | delegate power | streamlining administration | delegation of power | fang guan fu = 放管服 简政放权 放管服改革
streamline administration and delegate power = 放管服 简政放权
administrative approval | examination and approval | approval procedures = 行政审批 审批
one-stop service | one-stop shop | one window | single window | one-window service = 一站式服务 一窗受理 一站式 一网通办
run at most once | at most one visit | run once at most | one trip at most | at most one trip = 最多跑一次 一次办妥
one network for all | one-stop online service | online government services | e-government = 一网通办 互联网+政务服务 网上办
handle it in one go | one thing at a time = 一件事一次办 一次办
no need to meet | no face-to-face approval = 不见面审批
commitment system | notification and commitment = 告知承诺制 承诺制
government services | government affairs services | administrative services = 政务服务
government service center | administrative service center = 政务服务中心
convenience | convenience service | convenience services = 便民 便民服务
convenience service center = 便民服务中心
12345 hotline | 12345 | mayor's hotline | government hotline | citizen hotline = 12345热线 12345 市长热线 热线
hotline | service hotline = 热线
complaint | complain | grievance = 投诉 诉求 举报
tip-off | whistleblowing | whistleblower | report a violation = 举报
appeal | public demand | demands of the masses = 诉求 群众诉求

# ---------------------------------------------------------------- safety, stability, law
petition | letters and visits | petitioning | xinfang | letters and calls = 信访 上访
petitioner = 信访人 上访户
reception day | leader reception day | reception of petitioners | receive petitioners = 领导接访日 接访
backlog of petitions | backlog case = 信访积案 积案
conflicts and disputes | dispute | contradiction | social conflict | conflict = 矛盾纠纷 矛盾 纠纷
mediation | mediate | people's mediation = 调解 人民调解
dispute resolution | resolve disputes | conflict resolution | screening and resolution = 矛盾纠纷化解 排查化解 化解
screening | troubleshoot | investigate hidden dangers | check hidden dangers = 隐患排查 排查
hidden danger | potential hazard | safety hazard | hazard = 隐患 安全隐患
risk = 风险
risk prevention | prevent risks | defuse risks | preventing and defusing risks = 防范化解重大风险 防范化解 风险防范
major risk = 重大风险
three tough battles | three critical battles | three major battles = 三大攻坚战
tough battle | critical battle | decisive battle | battle = 攻坚战 攻坚 决战
campaign | special campaign | special action = 专项行动 行动
special = 专项
stability | social stability | maintaining stability | stability maintenance | maintain stability = 稳定 维稳 社会稳定
stable = 稳定
harmony | harmonious | social harmony = 和谐
safe production | work safety | production safety | workplace safety | safety in production = 安全生产
occupational safety | production safety accidents = 安全生产 生产安全事故
safety | security | safe = 安全 平安
accident | safety accident | safety incident = 事故 安全事故 生产安全事故
safety month | safe production month | safety production month = 安全生产月
fire = 火灾 消防
fire safety | fire protection | firefighting | fire control = 消防 消防安全
fire rescue | fire brigade | firefighter | fire department = 消防救援 消防救援大队
hazardous chemicals | dangerous chemicals | hazmat = 危险化学品 危化品
fireworks | firecracker | fireworks and firecrackers = 烟花爆竹 禁放
emergency | emergency response = 应急 突发事件
emergency plan | contingency plan = 应急预案 预案
emergency drill | drill | emergency exercise | rehearsal = 应急演练 演练
emergency supplies | relief supplies | supplies | materials = 物资 应急物资
sweeping away gangs | anti-organized crime | crack down on gangs | fight organized crime | anti-gang = 扫黑除恶 扫黑除恶专项斗争 涉黑涉恶 黑恶势力
gang crime | criminal gang | underworld | organized crime | anti-mafia = 扫黑除恶 涉黑涉恶 黑恶势力
gangs and evil forces | mafia | saohei | eliminate evil | anti-gang campaign = 扫黑除恶 黑恶势力
normalized anti-gang | regular anti-gang = 常态化扫黑除恶
crime | criminal | criminal case = 违法犯罪 犯罪 刑事案件
telecom fraud | telecommunications fraud | phone scam | online fraud | telecom and internet fraud = 电信网络诈骗 电信诈骗 反诈
fraud | scam = 诈骗
anti-fraud = 反诈
public order | law and order | social order | public security situation = 社会治安 治安
governance = 治理
social governance | social management = 社会治理
grassroots governance | community governance = 基层治理 社区治理
grid management | gridded management | grid-based management | grid member | grid worker = 网格化管理 网格化 网格员 网格
fengqiao experience | fengqiao model = 枫桥经验
peace building | safe construction | safe city | peaceful = 平安建设 平安
rule of law | law-based governance | governing according to law | law-based government | rule by law = 法治 依法治国 法治政府 依法行政
law-based administration | administration according to law = 依法行政
law | legal = 法律 法
legal aid = 法律援助
legal services = 法律服务
legal publicity | legal education | law popularization | publicize the law | legal awareness = 普法 法治宣传
constitution | constitution day = 宪法 宪法日
regulation | rules = 条例 规定 办法 监管
regulate | regulatory = 监管
supervision and management = 监管
measures | measure = 措施 办法 举措
policy = 政策
normative document | regulatory document = 规范性文件
surveillance camera | video surveillance | skynet | sharp eyes = 视频监控 天网 雪亮工程
monitoring | online monitoring = 监测 在线监测 监控
monitoring station = 监测站
environmental impact assessment | eia = 环评 环境影响评价
pollutant discharge permit | emission permit = 排污许可证 排污许可
national security = 国家安全
confidentiality | secrecy | state secret = 保密
cryptography = 密码
ideology | ideological work = 意识形态
public opinion | online public opinion = 舆情 网络舆情
religion | religious | religious affairs = 宗教 宗教事务
ethnic | ethnic group | ethnic unity | ethnic minority = 民族 民族团结 少数民族

# ---------------------------------------------------------------- party building and clean government
party building | party-building | party construction | building of the party | party work = 党建 党的建设
grassroots party building = 基层党建
party building leading | party building guidance | party building leads = 党建引领
full and strict governance | strict governance of the party | governing the party strictly | strict party governance = 全面从严治党 从严治党
corruption | anti-corruption | fight against corruption | fight corruption | combat corruption = 反腐败 反腐 腐败
anti-graft | graft = 反腐败 反腐
clean government | clean and honest government | honest government | clean governance | probity = 廉政 党风廉政建设 廉洁
integrity = 廉洁 廉政 诚信
party conduct | party style | party conduct and clean government | party style and clean government = 党风廉政 党风廉政建设 党风
integrity education | warning education | anti-corruption education = 廉政教育 警示教育
eight-point regulation | eight-point rules | eight provisions | central eight-point regulation | eight regulations = 中央八项规定 八项规定
four forms of decadence | four winds | undesirable work styles = 四风
formalism = 形式主义
bureaucratism | bureaucracy = 官僚主义
hedonism = 享乐主义
extravagance = 奢靡之风
work style | style of work | work conduct | cadre conduct = 作风 作风建设
style rectification = 作风整顿
audit = 审计
economic responsibility audit = 经济责任审计
cadre selection | cadre appointment | appointment of cadres | cadre team = 干部选拔任用 干部队伍
cadre training = 干部培训
thematic education | theme education | study and education | learning and education | educational campaign = 主题教育 学习教育
party history learning and education | party history study | party history education | study of party history | learning party history = 党史学习教育 党史
party history = 党史
original aspiration | original mission | not forgetting the original aspiration = 不忘初心 牢记使命 初心使命
two studies one action | two learns one do = 两学一做
practical things for the masses = 我为群众办实事
xi jinping thought | socialism with chinese characteristics = 习近平新时代中国特色社会主义思想 中国特色社会主义
new era | in the new era = 新时代
two establishments = 两个确立
two safeguards | two upholds = 两个维护
four consciousnesses = 四个意识
four confidences = 四个自信
spirit = 精神
central document no. 1 | no. 1 central document | document no. 1 = 中央一号文件 一号文件
14th five-year plan | 14th five year plan | fourteenth five-year plan | 14th fyp = 十四五 十四五规划
13th five-year plan | 13th five year plan | thirteenth five-year plan | 13th fyp = 十三五 十三五规划
12th five-year plan | 12th five year plan = 十二五 十二五规划
15th five-year plan | 15th five year plan = 十五五 十五五规划
five-year plan | fyp = 五年规划 规划纲要
long-range objectives | vision 2035 = 2035年远景目标 远景目标
xiaokang | moderately prosperous society | well-off society | all-round well-off | moderately prosperous = 全面小康 小康社会 小康
common prosperity = 共同富裕
modernization | socialist modernization | modernisation = 现代化 现代化建设
chinese modernization | chinese-style modernization = 中国式现代化
ten strategies | ten major strategies = 十大战略
two guarantees = 两个确保
central plains | zhongyuan | central china = 中原 中部地区
rise of central china = 中部崛起
central plains urban agglomeration = 中原城市群
zhengzhou metropolitan area | zhengzhou metropolitan circle = 郑州都市圈
zhengxu integration | zhengzhou-xuchang integration | integration of zhengzhou and xuchang = 郑许一体化

# ---------------------------------------------------------------- social undertakings
education | educational = 教育
school = 学校
primary school | elementary school = 小学
middle school | junior high school | junior middle school = 初中 中学
high school | senior high school | senior middle school = 高中
kindergarten | preschool | preschool education | pre-school | nursery school = 幼儿园 学前教育
compulsory education = 义务教育
student | pupil = 学生
teacher = 教师 老师
college entrance examination | gaokao | national college entrance exam = 高考
high school entrance exam | zhongkao | senior high school entrance exam = 中考
double reduction | burden reduction = 双减
school building | new school | school construction = 校舍 学校建设 新建学校
school place | enrollment | enrolment = 学位 招生 入学
left-behind children | left-behind = 留守儿童 留守
child | minor | juvenile = 儿童 未成年人 少年儿童
youth | young people = 青年 青少年
woman | female = 妇女 女性
elderly | the elderly | older people | senior citizen | senior | old people = 老年人 老人
elderly care | old-age care | pension services | aged care | elder care | care for the elderly | elderly services = 养老 养老服务
nursing home | old people's home | elderly care institution | senior care home | elderly care center = 养老院 敬老院 养老机构
day care center = 日间照料中心
pension | pension insurance | endowment insurance | basic pension = 养老保险 养老金
medical insurance | health insurance | medicare | basic medical insurance = 医疗保险 医保
medical security | healthcare security bureau | medical insurance bureau = 医疗保障 医保局
social security | social insurance = 社会保障 社保 社会保险
social welfare | welfare = 福利 社会福利
social assistance | social relief | relief = 社会救助 救助
temporary assistance = 临时救助
people's livelihood | livelihood | well-being | wellbeing = 民生
practical things | livelihood projects | things for the people | key livelihood projects | practical matters for the people = 民生实事 为民办实事 重点民生实事
ten livelihood projects | ten practical things = 十件民生实事 十件实事 民生实事
disabled | disability | people with disabilities | disabled person | handicapped = 残疾人
orphan = 孤儿
health care | healthcare | medical care | medical and health = 医疗 卫生 医疗卫生
health = 健康 卫生
medical | medical treatment | medical services = 医疗
public health = 公共卫生
hospital = 医院
people's hospital = 人民医院
central hospital = 中心医院
tcm hospital | hospital of traditional chinese medicine = 中医院
township health center | health center = 乡镇卫生院 卫生院
village clinic | clinic = 村卫生室 卫生室 诊所
community health service center = 社区卫生服务中心
doctor | physician | medical staff | medical worker | medical personnel | health worker = 医务人员 医护人员 医生
nurse = 护士
family doctor | contracted family doctor = 家庭医生 家庭医生签约
medical consortium | medical alliance | county medical community | medical community = 医共体 医联体 县域医共体
tiered medical services | hierarchical diagnosis and treatment | graded diagnosis = 分级诊疗
medical reform | healthcare reform | medical and health system reform = 医改 医药卫生体制改革
ambulance | first aid | emergency treatment = 急救 120
physical examination | health check | medical checkup | check-up = 健康体检 体检
cancer screening | two cancers screening = 两癌筛查
chronic disease = 慢性病 慢病
infectious disease = 传染病
disease control | cdc | center for disease control = 疾控中心 疾控 疾病预防控制中心
influenza | flu = 流感
aids | hiv = 艾滋病
tuberculosis = 结核病
mental health = 心理健康 精神卫生
healthy china = 健康中国
healthy henan = 健康河南
sports | sport | physical education | fitness | athletics = 体育 全民健身
national fitness = 全民健身
culture | cultural = 文化
cultural heritage | heritage | cultural relics | relics | antiquities = 文物 文化遗产
intangible cultural heritage | intangible heritage | ich = 非物质文化遗产 非遗
archaeology | archaeological | excavation = 考古
ruins | historic site = 遗址
culture and tourism | cultural tourism = 文旅 文化旅游 文旅融合
tourism | tourist | travel = 旅游 游客
tourist attraction | scenic area | scenic spot = 景区 景点
4a scenic area | 4a scenic spot | 4a = 4A级景区 4A
5a scenic area | 5a scenic spot | 5a = 5A级景区 5A
rural tourism = 乡村旅游
homestay | b&b | guesthouse = 民宿
tourism revenue | tourism income = 旅游综合收入 旅游收入
tourist arrivals | tourist visits | number of tourists = 接待游客 游客 人次
person-time | person-times = 人次
opera | henan opera | yu opera = 戏曲 豫剧
performance | art performance | cultural performance = 文艺演出 演出
film | movie | film screening | rural film screening = 电影 放映
reading | national reading = 全民阅读 阅读 读书
book = 图书
farmhouse library | rural bookstore | farmers' bookstore = 农家书屋
literature and art | art | arts = 文艺 艺术
calligraphy = 书法
three kingdoms | three kingdoms culture = 三国文化 三国
cao cao = 曹操
guan yu = 关羽
news = 新闻
media = 媒体
reporter | journalist = 记者
newspaper = 日报 报纸
xuchang daily = 许昌日报
henan daily = 河南日报
people's daily = 人民日报
cctv | china central television = 央视 中央电视台
xinhua | xinhua news agency = 新华社
website | official website = 网站 门户网站 官网
wechat | official account | wechat official account = 微信 公众号
app = APP 客户端
government affairs disclosure | government information disclosure | open government affairs | government transparency | disclosure = 政务公开 信息公开 公开
television | tv station | radio and television | broadcasting = 广播电视 电视台 广电
convergence media | media convergence | media center | county-level media center = 融媒体中心 融媒体
marriage | marriage registration = 婚姻登记 婚姻
place name | geographical name = 地名
post office | postal | postal services = 邮政
telecom | telecommunications | communications = 通信 电信
china mobile = 中国移动 移动
china unicom = 中国联通 联通
china telecom = 中国电信 电信
statistics | statistical | data = 统计 数据
statistical yearbook = 统计年鉴

# ---------------------------------------------------------------- documents
yearbook | almanac | year book = 年鉴
chronicle | memorabilia | major events | chronology | chronicle of events = 大事记 大事
record of events | big events | key events | main events | timeline = 大事记 大事
local chronicles | local gazetteer | gazetteer | county annals | city annals = 地方志 方志 县志 市志
annals = 年鉴 志
government work report | government report | work report of the government | annual government report = 政府工作报告
work report | working report = 工作报告
speech = 讲话 致辞 发言
report = 报告 汇报
notice | notification = 通知 公告
opinion = 意见
guiding opinions | guideline | guiding opinion = 指导意见 意见
implementation opinions | implementation opinion = 实施意见 意见
decision = 决定 决策
resolution = 决议
plan = 方案 规划 计划
program | programme | scheme = 方案 计划
implementation plan | implementation program | work plan | working plan = 实施方案 工作方案 方案
action plan = 行动方案 行动计划
outline = 纲要
annual plan = 年度计划
summary | work summary | summing up = 总结 工作总结
key points of work | work points | work priorities | priority = 工作要点 重点
task | key task | main task = 任务 重点任务 主要任务
goal | target | objective = 目标
target assessment = 目标考核
indicator | index = 指标 指数
evaluation | assessment | appraisal = 考核 评估 评价
performance evaluation | performance assessment = 绩效考核 绩效评价
satisfaction | satisfaction rate = 满意度 满意率
document | file = 文件
minutes | meeting minutes | meeting summary = 会议纪要 纪要
communique | gazette | bulletin | statistical bulletin | statistical communique = 公报 统计公报
white paper = 白皮书
next step | next stage = 下一步
achievement | accomplishment | results | effectiveness | outcome = 成效 成绩 成果
progress = 进展 进度
schedule | timetable = 进度 时间表
time node | milestone = 时间节点 节点
problem = 问题
shortcoming | weak link | weakness | deficiency | shortfall = 短板 不足 薄弱环节
difficulty | challenge = 困难 挑战
bottleneck = 瓶颈 堵点
pain point | sticking point = 痛点 难点 堵点
hot issue | hot spot | hotspot = 热点
experience | lessons = 经验
typical case | typical | model case | best practice = 典型案例 典型 经验做法

# ---------------------------------------------------------------- holidays, anniversaries and time
spring festival | chinese new year | lunar new year = 春节
new year | new year's day | new year day = 新年 元旦
new year and spring festival | two festivals = 元旦春节 两节
lantern festival = 元宵节 元宵
qingming festival | qingming | tomb-sweeping day | tomb sweeping = 清明节 清明
dragon boat festival = 端午节 端午
mid-autumn festival | mid-autumn | moon festival = 中秋节 中秋
national day = 国庆节 国庆
golden week = 黄金周
holiday | festival period | during the festival = 节假日 节日 节日期间
double ninth | double ninth festival | chongyang festival = 重阳节 重阳
army day | founding of the army | bayi = 建军节 八一
founding of the party | party's founding | party founding anniversary | party anniversary | party's birthday = 建党 七一
centenary of the party | 100th anniversary of the party | party centenary = 建党100周年 建党一百周年 建党百年
anniversary = 周年
youth day | may fourth | may 4th = 五四 青年节
children's day = 六一 儿童节
labor day | labour day | may day | international workers' day = 劳动节 五一
women's day | international women's day = 妇女节 三八
teachers' day | teacher's day = 教师节
arbor day | tree planting day = 植树节
national security education day = 国家安全教育日
poverty alleviation day = 扶贫日
world environment day | environment day = 环境日
publicity week | publicity month | awareness week = 宣传周 宣传月
winter vacation = 寒假
summer vacation = 暑假
this year = 今年
last year | previous year | past year = 去年 上年
next year | coming year = 明年
year before last = 前年
first quarter | q1 | 1st quarter | first three months = 一季度 第一季度
second quarter | q2 | 2nd quarter = 二季度 第二季度
third quarter | q3 | 3rd quarter = 三季度 第三季度
fourth quarter | q4 | 4th quarter = 四季度 第四季度
quarter | quarterly = 季度
first half | first half of the year | h1 | first six months = 上半年
second half | second half of the year | h2 | latter half of the year = 下半年
first three quarters = 前三季度
whole year | full year | annual | throughout the year | entire year = 全年 年度
every year | per year | each year | annually = 每年
average annual | annual average = 年均
beginning of the year | start of the year | early this year | early in the year = 年初
end of the year | year-end | year end | end of year = 年底 年末
by year-end | by year end | before year-end = 年底前
by the end of | before the end of = 底前
deadline | due date | time limit | no later than = 前 底前 之前
before = 之前
end of the month | month-end | end of month = 月底 月末
beginning of the month | start of the month = 月初
middle of the month | mid-month = 中旬 月中
first ten days = 上旬
middle ten days = 中旬
last ten days = 下旬
recently | recent | lately = 近日 近期 日前
today = 今天 今日
yesterday = 昨天 昨日
within the year | during the year = 年内
during the period | period = 期间
since = 以来
so far | to date | as of | up to now | cumulative | cumulatively | in total | altogether = 截至 累计 目前
past five years | last five years | over the past five years = 五年来 过去五年 近五年
past decade | last ten years | over the past decade = 十年来 近十年
monthly = 月度 每月
weekly = 每周
weekend = 周末
morning = 上午
afternoon = 下午
evening | night = 晚上 夜间

# ---------------------------------------------------------------- units and amounts
billion | hundred million = 亿元 亿
million = 万元 万
ten thousand = 万
yuan | rmb = 元 万元 亿元
square meter | square metre | sqm = 平方米
kilometer | kilometre | km = 公里
ton | tonne = 吨
household = 户
cubic meter | cubic metre = 立方米
kilowatt | kwh = 千瓦 千瓦时
proportion | share | ratio = 占比 比重 比例
coverage = 覆盖率 覆盖
pass rate = 合格率
average = 平均

# ---------------------------------------------------------------- levels and scope
national | nationwide | across the country = 全国 国家级
national level | national-level | state-level = 国家级
china = 中国 全国
province-wide | across the province | whole province | entire province = 全省
citywide | city-wide | whole city | across the city | entire city = 全市
district-wide | whole district | across the district | entire district = 全区
countywide | county-wide | whole county | across the county | entire county = 全县
provincial | provincial level | provincial-level = 省级 省
municipal | municipal level | city-level | municipal-level = 市级
district level | district-level = 区级
county level | county-level = 县级
county-level city = 县级市
township level | township-level = 乡镇级
village level | village-level = 村级
provincial capital = 省会

# ---------------------------------------------------------------- places
henan | henan province = 河南 河南省
xuchang = 许昌 许昌市
xuchang city | xuchang municipality = 许昌市 许昌
changge | changge city = 长葛 长葛市
weidu | weidu district = 魏都 魏都区
jian'an | jian an | jian'an district | jianan district | xuchang county = 建安 建安区 许昌县
yuzhou | yuzhou city = 禹州 禹州市
xiangcheng = 襄城 襄城县 项城
xiangcheng county = 襄城县 襄城
xiangcheng city = 项城市 项城
yanling | yanling county = 鄢陵 鄢陵县
dongcheng district = 东城区
yancheng = 郾城 郾城区 盐城
yancheng district = 郾城区 郾城
xuchang development zone | xuchang economic development zone = 许昌经济技术开发区 许昌经开区
xuchang high-tech zone = 许昌高新区 高新区
zhengzhou = 郑州 郑州市
zhongyuan district = 中原区
guancheng | guancheng district = 管城回族区 管城
zhengdong new district | zhengdong = 郑东新区 郑东
zhengzhou airport economy zone | airport economy zone | airport zone | zhengzhou airport zone = 郑州航空港经济综合实验区 航空港区 航空港
qi county = 杞县 淇县
qixian = 淇县 杞县
ye county | yexian = 叶县
jia county | jiaxian = 郏县
hua county | huaxian = 滑县
xun county | xunxian = 浚县
wen county | wenxian = 温县
fan county | fanxian = 范县
song county | songxian = 嵩县
sui county | suixian = 睢县
xi county | xixian = 息县
xin county | xinxian = 新县
puyang county = 濮阳县
xinhua district = 新华区
jiefang district = 解放区
hongqi district = 红旗区
laocheng district = 老城区
chanhe | chanhe district = 瀍河回族区 瀍河
shunhe district = 顺河回族区
jiyuan = 济源 济源示范区
beijing = 北京
shanghai = 上海
tianjin = 天津
chongqing = 重庆
guangzhou = 广州
shenzhen = 深圳
hangzhou = 杭州
nanjing = 南京
wuhan = 武汉
xi'an = 西安
chengdu = 成都
suzhou = 苏州
hefei = 合肥
jinan = 济南
qingdao = 青岛
changsha = 长沙
shijiazhuang = 石家庄
taiyuan = 太原
xiamen = 厦门
ningbo = 宁波
dongguan = 东莞
kunshan = 昆山
wenzhou = 温州
yiwu = 义乌
jiangsu = 江苏
zhejiang = 浙江
guangdong = 广东
shandong = 山东
hebei = 河北
hubei = 湖北
hunan = 湖南
anhui = 安徽
shanxi = 山西
shaanxi = 陕西
fujian = 福建
jiangxi = 江西
sichuan = 四川
yunnan = 云南
guizhou = 贵州
gansu = 甘肃
qinghai = 青海
xinjiang = 新疆
tibet | xizang = 西藏
inner mongolia = 内蒙古
guangxi = 广西
ningxia = 宁夏
hainan = 海南
liaoning = 辽宁
jilin = 吉林
heilongjiang = 黑龙江
hong kong = 香港
macao | macau = 澳门
taiwan = 台湾
yangtze river delta = 长三角
pearl river delta = 珠三角
greater bay area = 粤港澳大湾区 大湾区
beijing-tianjin-hebei = 京津冀
xiongan = 雄安
yangtze river = 长江
japan = 日本
south korea | korea = 韩国
germany = 德国
united states | usa | america = 美国
russia = 俄罗斯
france = 法国
united kingdom | britain | uk = 英国
italy = 意大利
singapore = 新加坡
africa = 非洲
europe = 欧洲
"""

# Henan prefecture-level cities, and counties/districts/county-level cities whose
# pinyin is unambiguous: (pinyin, Chinese name, administrative suffix).
_PLACES = """
kaifeng 开封 市 | luoyang 洛阳 市 | pingdingshan 平顶山 市 | anyang 安阳 市 | hebi 鹤壁 市
xinxiang 新乡 市 | jiaozuo 焦作 市 | puyang 濮阳 市 | luohe 漯河 市 | sanmenxia 三门峡 市
nanyang 南阳 市 | shangqiu 商丘 市 | xinyang 信阳 市 | zhoukou 周口 市 | zhumadian 驻马店 市
erqi 二七 区 | jinshui 金水 区 | shangjie 上街 区 | huiji 惠济 区 | xingyang 荥阳 市
xinzheng 新郑 市 | xinmi 新密 市 | dengfeng 登封 市 | gongyi 巩义 市 | zhongmu 中牟 县
lankao 兰考 县 | tongxu 通许 县 | weishi 尉氏 县 | xiangfu 祥符 区 | longting 龙亭 区
yuwangtai 禹王台 区 | yanshi 偃师 区 | mengjin 孟津 区 | luolong 洛龙 区 | xigong 西工 区
jianxi 涧西 区 | yichuan 伊川 县 | ruyang 汝阳 县 | luanchuan 栾川 县 | luoning 洛宁 县
yiyang 宜阳 县 | xin'an 新安 县 | ruzhou 汝州 市 | wugang 舞钢 市 | baofeng 宝丰 县
lushan 鲁山 县 | weidong 卫东 区 | shilong 石龙 区 | zhanhe 湛河 区 | linzhou 林州 市
tangyin 汤阴 县 | neihuang 内黄 县 | wenfeng 文峰 区 | beiguan 北关 区 | yindu 殷都 区
long'an 龙安 区 | qibin 淇滨 区 | shancheng 山城 区 | heshan 鹤山 区 | weihui 卫辉 市
huixian 辉县 市 | changyuan 长垣 市 | huojia 获嘉 县 | yuanyang 原阳 县 | yanjin 延津 县
fengqiu 封丘 县 | weibin 卫滨 区 | fengquan 凤泉 区 | muye 牧野 区 | qinyang 沁阳 市
mengzhou 孟州 市 | xiuwu 修武 县 | bo'ai 博爱 县 | wuzhi 武陟 县 | shanyang 山阳 区
zhongzhan 中站 区 | macun 马村 区 | hualong 华龙 区 | qingfeng 清丰 县 | nanle 南乐 县
taiqian 台前 县 | yuanhui 源汇 区 | shaoling 召陵 区 | wuyang 舞阳 县
linying 临颍 县 | hubin 湖滨 区 | shanzhou 陕州 区 | mianchi 渑池 县 | lushi 卢氏 县
lingbao 灵宝 市 | yima 义马 市 | wolong 卧龙 区 | wancheng 宛城 区 | dengzhou 邓州 市
nanzhao 南召 县 | fangcheng 方城 县 | xixia 西峡 县 | zhenping 镇平 县 | neixiang 内乡 县
xichuan 淅川 县 | sheqi 社旗 县 | tanghe 唐河 县 | xinye 新野 县 | tongbai 桐柏 县
yongcheng 永城 市 | suiyang 睢阳 区 | liangyuan 梁园 区 | yucheng 虞城 县 | xiayi 夏邑 县
zhecheng 柘城 县 | ningling 宁陵 县 | minquan 民权 县 | shihe 浉河 区 | pingqiao 平桥 区
gushi 固始 县 | huangchuan 潢川 县 | guangshan 光山 县 | shangcheng 商城 县 | luoshan 罗山 县
huaibin 淮滨 县 | chuanhui 川汇 区 | huaiyang 淮阳 区 | shangshui 商水 县 | xihua 西华 县
fugou 扶沟 县 | taikang 太康 县 | luyi 鹿邑 县 | dancheng 郸城 县 | shenqiu 沈丘 县
yicheng 驿城 区 | xiping 西平 县 | shangcai 上蔡 县 | pingyu 平舆 县 | zhengyang 正阳 县
queshan 确山 县 | biyang 泌阳 县 | runan 汝南 县 | suiping 遂平 县 | xincai 新蔡 县
"""
_SUFFIX_EN = {"市": "city", "县": "county", "区": "district"}

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december")
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _add(table: dict[str, tuple[str, ...]], key: str, values: tuple[str, ...]) -> None:
    key = " ".join(key.lower().split())
    if not key or not values:
        return
    old = table.get(key, ())
    table[key] = old + tuple(v for v in values if v not in old)


def _build() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for raw in _TABLE.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        english, chinese = line.split("=", 1)
        values = tuple(dict.fromkeys(chinese.split()))
        for key in english.split("|"):
            _add(table, key, values)
    for item in re.split(r"[|\n]", _PLACES):
        if not item.strip():
            continue
        pinyin, name, suffix = item.split()
        full = name + suffix
        _add(table, pinyin, (full, name))
        _add(table, f"{pinyin} {_SUFFIX_EN[suffix]}", (full, name))
    for number, (name, abbr) in enumerate(zip(_MONTH_NAMES, _MONTH_ABBR), start=1):
        month = f"{number}月"
        forms = (name, abbr) + (("sept",) if number == 9 else ())
        if name == "may":       # the modal verb: only unambiguous phrasings
            for lead in ("in", "of", "since", "during", "by", "until", "from", "through"):
                _add(table, f"{lead} may", (month,))
        else:
            _add(table, name, (month,))   # bare abbreviations are too often ordinary words
        for form in forms:
            _add(table, f"early {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"beginning of {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"start of {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"first ten days of {form}", (f"{month}上旬", "上旬", month))
            _add(table, f"mid-{form}", (f"{month}中旬", "中旬", month))
            _add(table, f"middle of {form}", (f"{month}中旬", "中旬", month))
            _add(table, f"late {form}", (f"{month}下旬", "下旬", month))
            _add(table, f"last ten days of {form}", (f"{month}下旬", "下旬", month))
            _add(table, f"end of {form}", (f"{month}底", f"{month}末", "月底", month))
            _add(table, f"by the end of {form}", (f"{month}底前", "底前", f"{month}底", month))
            _add(table, f"before the end of {form}", (f"{month}底前", "底前", f"{month}底", month))
            _add(table, f"by end of {form}", (f"{month}底前", "底前", f"{month}底", month))
    return table


GLOSSARY: dict[str, tuple[str, ...]] = _build()

# ---------------------------------------------------------------- matching

_DROP = frozenset({"the", "a", "an"})
_IRREGULAR = {
    "met": "meet", "held": "hold", "led": "lead", "spoke": "speak", "spoken": "speak",
    "said": "say", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "made": "make", "built": "build", "sent": "send", "went": "go", "gone": "go",
    "saw": "see", "seen": "see", "began": "begin", "begun": "begin", "won": "win",
    "chose": "choose", "chosen": "choose", "brought": "bring", "sold": "sell",
    "paid": "pay", "laid": "lay", "ran": "run", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "oversaw": "oversee", "overseen": "oversee", "undertook": "undertake",
    "undertaken": "undertake", "wrote": "write", "written": "write", "spent": "spend",
    "children": "child", "women": "woman", "men": "man", "analyses": "analysis",
    "crises": "crisis", "criteria": "criterion",
}
# Words whose final "s" is not a plural, and nouns in "-ing" that must not
# collapse onto a different verb ("listing" is not "list", "meeting" not "meet").
_KEEP_S = frozenset({"news", "gas", "series", "species", "always", "was", "has", "does",
                     "its", "this", "his", "means", "perhaps", "aids", "headquarters",
                     "thanks", "minutes", "securities"})
_NO_STEM = frozenset({"meeting", "opening", "closing", "listing", "spring", "during",
                      "morning", "evening", "building", "housing",
                      "parking", "financing"})
_VOWEL = re.compile(r"[aeiouy]")
_APOS_S = re.compile(r"['’`]s\b")
_APOS = re.compile(r"['’`]")
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    """Collapse plurals, 3rd-person, past and -ing forms onto one stem.

    It only needs to be consistent (glossary keys go through it too), not to
    produce dictionary words: require/required/requires/requiring → "requir".
    """
    w = _IRREGULAR.get(word, word)
    if w in _KEEP_S or w in _NO_STEM or w.isdigit():
        return w
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w in _NO_STEM:
        return w
    if len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing") and _VOWEL.search(w[:-3]):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and _VOWEL.search(w[:-2]):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouy" and w[-1].isalpha():
        w = w[:-1]
    return w


def _tokens(text: str) -> list[str]:
    text = _APOS.sub("", _APOS_S.sub("", text.lower()))
    text = text.replace("&", " and ")
    return [_stem(t) for t in _WORD.findall(text) if t not in _DROP]


def _index() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    index: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, values in GLOSSARY.items():
        toks = tuple(_tokens(key))
        if toks:
            old = index.get(toks, ())
            index[toks] = old + tuple(v for v in values if v not in old)
    return index, max(len(k) for k in index)


_INDEX, _MAX_LEN = _index()


def translate_terms(question: str) -> list[str]:
    """Chinese expressions for every glossary phrase found in an English question.

    Longer phrases win over the shorter phrases inside them ("deputy district head"
    yields 副区长, not also 区长); phrases that merely overlap are both kept.  The
    result follows question order and has no duplicates.
    """
    toks = _tokens(question)
    found: list[tuple[int, int]] = []
    for i in range(len(toks)):
        for n in range(min(_MAX_LEN, len(toks) - i), 0, -1):
            if tuple(toks[i:i + n]) in _INDEX:
                found.append((i, i + n))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(a <= start and end <= b for a, b in kept):
            kept.append((start, end))
    out: dict[str, None] = {}
    for start, end in sorted(kept):
        for value in _INDEX[tuple(toks[start:end])]:
            out.setdefault(value)
    return list(out)
