"""Synthetic project descriptions for the similar-projects benchmark: the crowd the real ones hide in.

The same every run for a seed. Made to be hard rather than easy (bench/data/README.md says more): topics
from public services and from digital work itself (skills, standards, data, inclusion, infrastructure), many
sentence shapes, the names of real Welsh bodies, bilingual titles, and the sentences that every project
writes ("we are working in the open", "funded for one year"), in English, in Welsh, or both.
"""

import random

EN_TOPICS = """
recycling centre; bin collection; garden waste; bulky waste; fly-tipping; school admissions; school transport;
free school meals; blue badge; parking permit; car park; council tax; business rates; housing benefit;
housing repairs; housing register; homelessness; adult social care; children's services; foster care;
adoption; unpaid carers; care homes; home care; day centres; direct payments; safeguarding; mental health;
outpatient appointments; waiting list; GP appointments; prescriptions; vaccination; blood tests; maternity;
hospital discharge; ward rota; bank staff; nurse training; patient records; library loans; e-books; archives;
museum collections; leisure centres; swimming lessons; sports pitches; allotments; parks; playgrounds;
public toilets; street lighting; potholes; gritting; road closures; bus passes; community transport;
school crossings; planning applications; building control; land charges; licensing; taxi licences;
food hygiene; trading standards; pest control; noise complaints; air quality; flood alerts; coastal erosion;
rights of way; tree preservation; electoral register; births and deaths; marriages; citizenship ceremonies;
council meetings; freedom of information; complaints; consultations; grants; procurement; invoices; payroll;
staff recruitment; staff training; apprenticeships; volunteering; youth services; adult learning; Welsh
lessons; translation; chatbot; contact centre; website search; digital inclusion; broadband; cyber security;
data sharing; open data; dashboards; energy efficiency; electric vehicle charging; fleet management;
school meals payments; uniform grants; additional learning needs; school attendance; exam results;
fire safety visits; smoke alarms; incident reporting; police non-emergency; anti-social behaviour; CCTV;
emergency planning; winter fuel support; food banks; debt advice; cost of living; warm spaces; tourism;
events; markets; town centre; business support; economic development; heritage; coastal paths
"""
EN_ACTIONS = """
online booking for; a single form for; an app for; text reminders for; a tracker for; a portal for;
self-service for; a dashboard of; a map of; digital records of; a chatbot answering questions about;
automated checks for; payments for; a waiting list for; a new case system for; a review of;
a bilingual website for; data sharing on; an open data feed of; a redesign of; replacing paper forms for
"""
EN_AUDIENCES = """
residents; tenants; parents; pupils; patients; carers; older people; disabled people; young people; staff;
nurses; social workers; businesses; landlords; drivers; visitors; volunteers; councillors; applicants;
families; children; clinicians; officers; contractors; community groups
"""
EN_PURPOSES = """
to cut waiting times; so fewer calls reach the contact centre; to save staff time; to reduce paper; so people
can act at any time; to reduce missed appointments; to give managers live figures; to meet the Welsh language
standards; to share records safely; to cut postage costs; so decisions are quicker; to reach people in rural
areas; to replace an old spreadsheet; to stop duplicate data entry; to answer the same questions once
"""
CY_TOPICS = """
canolfan ailgylchu; casglu biniau; gwastraff gardd; gwastraff swmpus; tipio anghyfreithlon; derbyniadau
ysgol; cludiant ysgol; prydau ysgol am ddim; bathodyn glas; trwydded barcio; maes parcio; treth gyngor;
ardrethi busnes; budd-dal tai; atgyweirio tai; cofrestr tai; digartrefedd; gofal cymdeithasol i oedolion;
gwasanaethau plant; maethu; mabwysiadu; gofalwyr di-dâl; cartrefi gofal; gofal cartref; canolfannau dydd;
taliadau uniongyrchol; diogelu; iechyd meddwl; apwyntiadau cleifion allanol; rhestr aros; apwyntiadau meddyg
teulu; presgripsiynau; brechu; profion gwaed; gwasanaethau mamolaeth; rhyddhau o'r ysbyty; rota wardiau;
staff banc; hyfforddiant nyrsys; cofnodion cleifion; benthyca llyfrau; e-lyfrau; archifau; casgliadau
amgueddfa; canolfannau hamdden; gwersi nofio; caeau chwarae; rhandiroedd; parciau; meysydd chwarae; toiledau
cyhoeddus; goleuadau stryd; tyllau yn y ffordd; graeanu; cau ffyrdd; tocynnau bws; cludiant cymunedol;
croesfannau ysgol; ceisiadau cynllunio; rheoli adeiladu; pridiannau tir; trwyddedu; trwyddedau tacsi; hylendid
bwyd; safonau masnach; rheoli plâu; cwynion sŵn; ansawdd aer; rhybuddion llifogydd; erydu arfordirol; hawliau
tramwy; gorchmynion cadw coed; y gofrestr etholiadol; genedigaethau a marwolaethau; priodasau; seremonïau
dinasyddiaeth; cyfarfodydd y cyngor; rhyddid gwybodaeth; cwynion; ymgynghoriadau; grantiau; caffael;
anfonebau; cyflogres; recriwtio staff; hyfforddi staff; prentisiaethau; gwirfoddoli; gwasanaethau ieuenctid;
dysgu oedolion; gwersi Cymraeg; cyfieithu; sgwrsfot; canolfan gyswllt; chwilio'r wefan; cynhwysiant digidol;
band eang; seiberddiogelwch; rhannu data; data agored; dangosfyrddau; effeithlonrwydd ynni; gwefru cerbydau
trydan; rheoli fflyd; talu am brydau ysgol; grantiau gwisg ysgol; anghenion dysgu ychwanegol; presenoldeb
ysgol; canlyniadau arholiadau; ymweliadau diogelwch tân; larymau mwg; adrodd am ddigwyddiadau; ymddygiad
gwrthgymdeithasol; teledu cylch cyfyng; cynllunio at argyfwng; cymorth tanwydd gaeaf; banciau bwyd; cyngor ar
ddyledion; costau byw; mannau cynnes; twristiaeth; digwyddiadau; marchnadoedd; canol y dref; cymorth busnes;
datblygu economaidd; treftadaeth; llwybr yr arfordir
"""
CY_ACTIONS = """
archebu ar-lein ar gyfer; un ffurflen ar gyfer; ap ar gyfer; negeseuon atgoffa am; system olrhain ar gyfer;
porth ar gyfer; hunanwasanaeth ar gyfer; dangosfwrdd o; map o; cofnodion digidol o; sgwrsfot sy'n ateb
cwestiynau am; gwiriadau awtomatig ar gyfer; taliadau am; rhestr aros am; system achosion newydd ar gyfer;
adolygiad o; gwefan ddwyieithog am; rhannu data am; ffrwd data agored o; ailgynllunio; disodli ffurflenni
papur ar gyfer
"""
CY_AUDIENCES = """
trigolion; tenantiaid; rhieni; disgyblion; cleifion; gofalwyr; pobl hŷn; pobl anabl; pobl ifanc; staff;
nyrsys; gweithwyr cymdeithasol; busnesau; landlordiaid; gyrwyr; ymwelwyr; gwirfoddolwyr; cynghorwyr;
ymgeiswyr; teuluoedd; plant; clinigwyr; swyddogion; contractwyr; grwpiau cymunedol
"""
CY_PURPOSES = """
er mwyn lleihau amseroedd aros; fel bod llai o alwadau i'r ganolfan gyswllt; i arbed amser staff; i leihau
papur; fel bod pobl yn gallu gweithredu unrhyw bryd; i leihau apwyntiadau a gollwyd; i roi ffigurau byw i
reolwyr; i gyrraedd safonau'r Gymraeg; i rannu cofnodion yn ddiogel; i dorri costau post; fel bod
penderfyniadau'n gyflymach; i gyrraedd pobl yng nghefn gwlad; i gymryd lle hen daenlen; i osgoi mewnbynnu
data ddwywaith; i ateb yr un cwestiynau unwaith
"""
# Syllables for the long tail every real corpus has: project names, places, products, acronyms.
SYLLABLES = "ar bryn caer cwm dol fan gar glyn llan mai nant pen rhos tal tre wen ys aber bod ffyn hen mor"

# Digital work itself: the vocabulary of the real descriptions that the public-service lists lack.
EN_WORK = """
digital skills training for managers; a community of practice for designers; service standard assessments;
user research with residents; content design guidance; a design system of shared patterns; a data platform
for dashboards; data sharing agreements; digital inclusion support; broadband in rural areas; device
lending; cyber security training; cloud hosting migration; an API for address data; a landscape review of
digital services; an accessibility audit; Welsh language technology; speech recognition in Welsh; robotic
process automation; an AI pilot for letters; a digital strategy; a digital maturity assessment; agile
coaching; a discovery into recruitment; apprenticeships in data; a leadership programme; a shared case
management system; an integrated care record; a patient portal; electronic prescribing; remote monitoring at
home; telecare alarms; a staff app for shifts; a booking engine for clinics; open data publishing; a single
sign-on
"""
CY_WORK = """
hyfforddiant sgiliau digidol i reolwyr; cymuned ymarfer i ddylunwyr; asesiadau yn erbyn y safonau;
ymchwil defnyddwyr gyda thrigolion; canllawiau dylunio cynnwys; system ddylunio o batrymau a rennir; platfform
data ar gyfer dangosfyrddau; cytundebau rhannu data; cymorth cynhwysiant digidol; band eang yng nghefn gwlad;
benthyca dyfeisiau; hyfforddiant seiberddiogelwch; symud i'r cwmwl; rhyngwyneb ar gyfer data cyfeiriadau;
adolygiad o'r dirwedd ddigidol; archwiliad hygyrchedd; technoleg iaith Gymraeg; adnabod lleferydd yn
Gymraeg; awtomeiddio prosesau; cynllun peilot deallusrwydd artiffisial ar gyfer llythyrau; strategaeth
ddigidol; asesiad aeddfedrwydd digidol; hyfforddi ystwyth; cam darganfod ar recriwtio; prentisiaethau data;
rhaglen arweinyddiaeth; system rheoli achosion a rennir; cofnod gofal integredig; porth cleifion; rhagnodi
electronig; monitro o bell gartref; larymau teleofal; ap staff ar gyfer sifftiau; system archebu ar gyfer
clinigau; cyhoeddi data agored; mewngofnodi sengl
"""
BODIES = """
Cardiff Council|Cyngor Caerdydd; Swansea Council|Cyngor Abertawe; Gwynedd Council|Cyngor Gwynedd; Powys County
Council|Cyngor Sir Powys; Conwy County Borough Council|Cyngor Bwrdeistref Sirol Conwy; Newport City
Council|Cyngor Dinas Casnewydd; Aneurin Bevan University Health Board|Bwrdd Iechyd Prifysgol Aneurin Bevan;
Hywel Dda University Health Board|Bwrdd Iechyd Prifysgol Hywel Dda; Betsi Cadwaladr University Health
Board|Bwrdd Iechyd Prifysgol Betsi Cadwaladr; Welsh Government|Llywodraeth Cymru; Natural Resources
Wales|Cyfoeth Naturiol Cymru; Transport for Wales|Trafnidiaeth Cymru; Social Care Wales|Gofal Cymdeithasol
Cymru; the Centre for Digital Public Services|y Ganolfan Gwasanaethau Cyhoeddus Digidol; the WLGA|CLlLC
"""
EN_COMMON = """
We are working in the open and share our notes after each sprint.; The work is funded for one year.; We
would like to hear from anyone doing something similar.; We are starting in one area and will roll it out if
it works.; It replaces a paper form and several phone calls.; We tested it with the people who will use it.;
The team includes a user researcher and a content designer.; It follows the Digital Service Standards for
Wales.
"""
CY_COMMON = """
Rydym yn gweithio'n agored ac yn rhannu ein nodiadau ar ôl pob sbrint.; Mae'r gwaith wedi'i ariannu am
flwyddyn.; Hoffem glywed gan unrhyw un sy'n gwneud rhywbeth tebyg.; Rydym yn dechrau mewn un ardal a byddwn
yn ei ehangu os yw'n llwyddo.; Mae'n disodli ffurflen bapur a sawl galwad ffôn.; Rydym wedi'i brofi gyda'r
bobl a fydd yn ei ddefnyddio.; Mae'r tîm yn cynnwys ymchwilydd defnyddwyr a dylunydd cynnwys.; Mae'n dilyn
Safonau Gwasanaethau Digidol Cymru.
"""


def _items(block: str) -> list[str]:
    return [item.strip() for item in block.replace("\n", " ").split(";") if item.strip()]


class Generator:
    """Synthetic project descriptions, the same every run for the same seed: a title and two to four
    sentences, in English, Welsh or both, in several shapes (module docstring)."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.en = (
            _items(EN_TOPICS) + _items(EN_WORK),
            _items(EN_ACTIONS),
            _items(EN_AUDIENCES),
            _items(EN_PURPOSES),
        )
        self.cy = (
            _items(CY_TOPICS) + _items(CY_WORK),
            _items(CY_ACTIONS),
            _items(CY_AUDIENCES),
            _items(CY_PURPOSES),
        )
        self.bodies = [pair.split("|") for pair in _items(BODIES)]
        self.common = (_items(EN_COMMON), _items(CY_COMMON))
        self.syllables = SYLLABLES.split()

    def name(self) -> str:
        return "".join(self.random.choice(self.syllables) for _ in range(self.random.choice((2, 3)))).title()

    def english(self) -> str:
        topics, actions, audiences, purposes = self.en
        pick = self.random.choice
        topic, other = pick(topics), pick(topics)
        body_en, _body_cy = pick(self.bodies)
        shapes = (
            f"{pick(actions).capitalize()} {topic}. {pick(audiences).capitalize()} and {pick(audiences)} "
            f"use it "
            f"for {topic} and {other}, {pick(purposes)}.",
            f"{topic.capitalize()}. {body_en} is building {pick(actions)} {topic} with {pick(audiences)}, "
            f"{pick(purposes)}.",
            f"{topic.capitalize()} and {other}. We want {pick(audiences)} to get {pick(actions)} {topic}; "
            f"the first step is {pick(actions)} {other}.",
        )
        text = pick(shapes)
        if self.random.random() < 0.5:
            text += " " + pick(self.common[0])
        if self.random.random() < 0.3:
            text += f" Project {self.name()} starts in {self.name()}."
        return text

    def welsh(self) -> str:
        topics, actions, audiences, purposes = self.cy
        pick = self.random.choice
        topic, other = pick(topics), pick(topics)
        _body_en, body_cy = pick(self.bodies)
        shapes = (
            f"{pick(actions).capitalize()} {topic}. Bydd {pick(audiences)} a {pick(audiences)} "
            f"yn ei ddefnyddio "
            f"ar gyfer {topic} a {other}, {pick(purposes)}.",
            f"{topic.capitalize()}. Mae {body_cy} yn datblygu {pick(actions)} {topic} "
            f"gyda {pick(audiences)}, "
            f"{pick(purposes)}.",
            f"{topic.capitalize()} a {other}. Rydym am i {pick(audiences)} gael {pick(actions)} {topic}; "
            f"y cam "
            f"cyntaf yw {pick(actions)} {other}.",
        )
        text = pick(shapes)
        if self.random.random() < 0.5:
            text += " " + pick(self.common[1])
        if self.random.random() < 0.3:
            text += f" Mae prosiect {self.name()} yn dechrau yn {self.name()}."
        return text

    def text(self) -> str:
        roll = self.random.random()
        if roll < 0.5:
            return self.english()
        if roll < 0.8:
            return self.welsh()
        return f"{self.english()}\n{self.welsh()}"
