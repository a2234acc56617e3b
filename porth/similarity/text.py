"""Text normalisation for matching project descriptions written in English, Welsh or both.

Pure on purpose: no Django, no I/O. `analyse(text)` turns a title and summary into a list of `Token`s, each a
matching key plus the words it came from; `normalise(text)` is the list of keys alone.

The steps, in order:

1. Fold: Unicode NFC, lower case, apostrophes unified; split into words, keeping Welsh clitics ("i'r" is "i"
   and "'r", "sy'n" is "sy" and "'n"). Accents are stripped for the key (â→a, ŵ→w, ŷ→y) but kept for the stop
   word check, so "dŷ" (house, mutated) is not mistaken for "dy" (your).
2. Language of each segment. Text is cut at sentence ends and at the separators of bilingual titles
   (" / ", " | ", " – "); each segment is guessed Welsh or English from its stop words and glossary words.
3. Key of each word. In a Welsh segment the initial-consonant mutations are undone into a canonical key
   (`demutate`, and h-prothesis after "ei", "ein", "eu", "'i", "'u", "'w"); in an English segment they are
   not.
   Then a light suffix stemmer, the same for both languages (plural -s, -au, -iau; -ing, -ed, final -e).
   A Welsh word that Eurfa, the Welsh–English dictionary, knows is keyed as its English word, so the two
   languages share keys well beyond the glossary (`welsh_key`).
4. Phrases: a bilingual glossary maps words and phrases of both languages to one shared concept key
   ("recycling", "ailgylchu" → "~recycle"), so an English description can match a Welsh one; fixed boilerplate
   phrases and the names of the places and public bodies of Wales are dropped.
5. Stop words of both languages are dropped, and short numbers.

Why Welsh folding is applied per segment and not to every word: the mutation classes are broad (p, b, m, f,
ph and mh share a key), which is harmless in Welsh but merges English words ("bin" and "pin", "park" and
"mark", "close" and "lose", "train" and "drain"). bench/similarity.py measures both: on the labelled set,
folding Welsh segments only does at least as well as folding every word (and better than folding none), and
folding every word merges a share of the distinct English words with some other word, which it prints. The
cost: a mutated English loanword in Welsh text ("y fan" for van) keys differently from the English word; the
glossary lists common loanwords on the Welsh side, and the character n-grams of the index soften the rest.

Boilerplate: a fixed list here (words every project shares: project, service, digital, council, online, and
their Welsh) plus, at index build, every key found in more than a set share of the indexed documents
(`boilerplate_terms`): what almost every project says tells nothing about which need it serves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache

import simplemma

from porth.core import lemmas

# Bumped whenever the keys a text gets or their scoring change: a snapshot made the old way is rebuilt.
ANALYSIS_VERSION = 3

# Longer text is cut: a description is a title and a summary, and a hostile megabyte must not cost seconds.
MAX_TEXT_CHARS = 20_000
# Longer "words" are not words (hashes, URLs run together, keyboard mashing); they only bloat the index.
MAX_WORD_CHARS = 30

# Stop words are checked on the lower-cased word with its accents (see step 1), both lists for every segment:
# the languages share few spellings, and a misguessed segment must still lose its function words.
_STOP_EN = """
a about above after again against all also am an and any are as at be because been before being below between
both but by can cannot could did do does doing done down during each either etc even ever every few for from
further get gets getting give given go goes going had has have having he her here hers him his how however i
if in into is it its itself just less let lets like made make makes making many may me might more most much
must my need needs new no nor not now of off on once one only or other our ours out over own per rather same
she should since so some such than that the their theirs them then there these they this those through to too
under until up upon us use used uses using very via want wants was way we well were what when where whether
which while who whom whose why will with within without would yet you your yours able already across around
easier easy better quickly quick simple simpler single
"""
_STOP_CY = """
a â ac ag am amdano ar arall at bod bydd byddai byddan byddant byddwn ble beth bellach bob pob cael chi chwi
dan dim ddim dros drwy trwy dy e ef efo ei eich ein eisiau eisoes er eu fe fel felly fo fod fy fydd fyddai
fyddan fyddwn gael gall gallai gallant gallu allu gan gellir gyda gydag gyd gyfer cyfer hefyd heb hi hon honno
hwn hwnnw hwy hyd hyn hynny i iawn mae maen mai mewn mi mwy mwyaf mwyn na nad neu newydd ni nid nhw o oedd oes
os pa pam pan pwy rai rhai rhwng roedd rydym rydyn sut sy sydd tan ti un wedi wrth y yma yn yna yno yng ym yr
yw ydy ydyn ydym ydynt 'r 'n 'i 'u 'w 'm 'ch 'th 's 't 'll 've 're 'd angen rhoi gwneud wneud mynd fynd dod
ddod cadw gadw gyntaf llai rhywun unrhyw holl nawr rŵan sef tra ynghyd chael roi ganddo ganddi ganddyn iddo
iddi iddyn arno arni arnyn ohono ohoni ohonyn defnyddio ddefnyddio eraill fesul mesul hun hunain iddynt
ohonynt ganddynt arnynt ynddo ynddi ynddynt amdani amdanynt erbyn hytrach gynt rhagor eto ymlaen thrwy unwaith
bo cafodd gafodd chafodd cawsant gilydd oll byth fyth ers tua rhywbeth rhywle
"""
STOP_WORDS_EN = frozenset(_STOP_EN.split())
STOP_WORDS_CY = frozenset(_STOP_CY.split())
STOP_WORDS = STOP_WORDS_EN | STOP_WORDS_CY

# Words and phrases that every project says, in both languages: they are dropped before weighting. Matched as
# keys, so mutated forms go too ("ar-lein", "gwasanaeth", "wasanaeth", "ngwasanaeth").
BOILERPLATE_EN = """
project; projects; programme; service; services; digital; digitally; council; councils; county; borough;
residents; resident; citizens; online; on line; web based; website based; we want to; we will; we would like
to; this will; make it easier; improve; improved; improving; improvement; system; systems; platform; solution;
solutions; tool; user; users; customers; customer; public sector; local authority; health board; university
health board; trust; organisation; organisations; welsh government; wales; welsh public sector; team; teams;
staff time; process; processes; instead of; at any time; 24/7
"""
BOILERPLATE_CY = """
prosiect; prosiectau; rhaglen; gwasanaeth; gwasanaethau; digidol; cyngor; cynghorau; sir; bwrdeistref; sirol;
trigolion; preswylwyr; dinasyddion; ar lein; arlein; rydyn ni am; rydyn ni eisiau; rydym am; rydym eisiau;
bydd y prosiect; gwella; gwelliant; gwelliannau; haws; system; systemau; platfform; datrysiad; datrysiadau;
offeryn; defnyddwyr; defnyddiwr; cwsmeriaid; cwsmer; sector cyhoeddus; awdurdod lleol; bwrdd iechyd; bwrdd
iechyd prifysgol; ymddiriedolaeth; sefydliad; sefydliadau; llywodraeth cymru; cymru; tîm; timau; proses;
prosesau; yn lle; unrhyw bryd; unrhyw adeg
"""
# Who is asking is not what they need: the places and public bodies of Wales would otherwise make every
# project of one council look alike. Each name in English and Welsh.
PLACES = """
anglesey; ynys môn; ynys mon; gwynedd; conwy; denbighshire; sir ddinbych; flintshire; sir y fflint; wrexham;
wrecsam; powys; ceredigion; pembrokeshire; sir benfro; carmarthenshire; sir gâr; sir gaerfyrddin;
caerfyrddin; carmarthen; swansea; abertawe; neath port talbot; castell nedd port talbot; neath; castell nedd;
port talbot; bridgend; pen y bont ar ogwr; vale of glamorgan; bro morgannwg; glamorgan; morgannwg; cardiff;
caerdydd; rhondda cynon taf; rhondda cynon taff; rhondda; merthyr tydfil; merthyr tudful; merthyr;
caerphilly; caerffili; blaenau gwent; torfaen; tor faen; monmouthshire; sir fynwy; newport; casnewydd;
betsi cadwaladr; hywel dda; swansea bay; bae abertawe; cardiff and vale; caerdydd a r fro; cwm taf
morgannwg; cwm taf; aneurin bevan; powys teaching; addysgu powys; eryri; snowdonia; bannau brycheiniog;
brecon beacons; pembrokeshire coast; arfordir penfro; north wales; gogledd cymru; south wales; de cymru;
mid and west wales; canolbarth a gorllewin cymru; west wales; gorllewin cymru;
transport for wales; trafnidiaeth cymru; social care wales; gofal cymdeithasol cymru; natural resources wales;
cyfoeth naturiol cymru; careers wales; gyrfa cymru; sport wales; chwaraeon cymru; arts council of wales;
cyngor celfyddydau cymru; qualifications wales; cymwysterau cymru; digital health and care wales;
iechyd a gofal digidol cymru; public health wales; iechyd cyhoeddus cymru; centre for digital public services;
canolfan gwasanaethau cyhoeddus digidol; welsh local government association; cymdeithas llywodraeth leol
cymru; nhs wales; gig cymru; nhs wales executive; gweithrediaeth gig cymru; welsh ambulance service;
gwasanaeth ambiwlans cymru; velindre; felindre; audit wales; archwilio cymru; health education and
improvement wales; addysg a gwella iechyd cymru; data cymru; digital communities wales; cymunedau digidol
cymru; cwmpas; cdps; cgcd; wlga; cllc; dhcw; heiw; nwssp
"""

# The bilingual glossary: one concept per line, "concept: english forms | welsh forms". Forms are written in
# their radical (unmutated) spelling; the key pipeline finds their mutated and plural forms. The Welsh side
# lists the English loanwords that Welsh text uses, so they key the same in a Welsh segment. The terms are the
# everyday vocabulary of Welsh public services (TermCymru is the authority for the Welsh), not a list made
# for one data set.
GLOSSARY = """
recycle: recycle, recycling, recycled | ailgylchu, ailgylchu gwastraff
waste: waste, rubbish, refuse, litter | gwastraff, sbwriel, ysbwriel
tip: tip, tips, household waste recycling centre, household waste recycling centres, civic amenity site,
  recycling site, recycling sites, recycling centre, recycling centres | tip, safle amwynder dinesig,
  safleoedd amwynder dinesig, canolfan ailgylchu, canolfannau ailgylchu, safle ailgylchu, safleoedd ailgylchu,
  safle gwastraff, safleoedd gwastraff
centre: centre, center, centres, hub, hubs | canolfan, canolfannau, hwb, hybiau
bin: bin, bins, wheelie bin, box, boxes, bag, bags, sack | bin, biniau, bocs, blwch, bag, bagiau, sach
collect: collection, collections, collect, collected, pick up | casglu, casgliad, casgliadau
garden: garden, gardens, green waste | gardd, gerddi, gwastraff gardd
bulky: bulky, bulky items, large items | swmpus, eitemau swmpus, eitemau mawr
fly-tipping: fly tipping, fly-tipping, flytipping, dumped, dumping, dumped rubbish | tipio anghyfreithlon,
  tipio slei bach
book: book, booking, reserve, reservation | archebu, bwcio, cadw lle, neilltuo
slot: slot, time slot, slots | slot, slotiau, slot amser
appointment: appointment, appointments | apwyntiad, apwyntiadau
arrange: arrange, schedule, plan a visit | trefnu
time: time, date, day, days, week, weeks, hour, hours | amser, dyddiad, diwrnod, diwrnodau, dydd, wythnos,
  awr, oriau
visit: visit, visits, visitor, visitors | ymweliad, ymweliadau, ymweld, ymwelydd, ymwelwyr
queue: queue, queues, queuing, waiting in line | ciw, ciwiau, ciwio
reminder: reminder, reminders, remind, reminded | nodyn atgoffa, nodiadau atgoffa, atgoffa
text: text, text message, text messages, sms, texts | neges destun, negeseuon testun, testun, neges testun
message: message, messages | neges, negeseuon
letter: letter, letters, post, posted, posting, postage | llythyr, llythyrau, post, drwy r post
email: email, e-mail, emails | e bost, ebost, negeseuon e bost
phone: phone, telephone, mobile, smartphone, call, calls, phone line | ffôn, ffonau, ffonio, galwad,
  galwadau, ffôn symudol
app: app, apps, mobile app | ap, apiau, ap symudol
website: website, web page, webpage, web | gwefan, gwefannau, tudalen we
form: form, forms, paper form | ffurflen, ffurflenni
paper: paper, paper based, printed | papur, papurau
school: school, schools | ysgol, ysgolion
primary: primary, reception, infant, junior | cynradd
secondary: secondary, high school | uwchradd, ysgol uwchradd
nursery: nursery, early years | ysgol feithrin, blynyddoedd cynnar, addysg gynnar, gofal plant
admissions: admission, admissions, school place, school places | derbyniadau, derbyn i ysgolion,
  lle mewn ysgol, lleoedd ysgol
apply: apply, application, applications, applicant, applicants, claim, claims |
  gwneud cais, cais, ceisiadau, ymgeisydd, ymgeiswyr, hawlio
pupil: pupil, pupils, learner, learners, student, students | disgybl, disgyblion, dysgwr, dysgwyr,
  myfyriwr, myfyrwyr
parent: parent, parents, family, families, guardian | rhiant, rhieni, teulu, teuluoedd
child: child, children, kids, young people | plentyn, plant, pobl ifanc
transport: transport, travel, journey, journeys | trafnidiaeth, cludiant, teithio, taith, teithiau
bus: bus, buses, coach | bws, bysiau
pass: pass, passes, travel card, bus pass, ticket, tickets, concessionary | tocyn, tocynnau, cerdyn teithio,
  tocyn bws, teithio rhatach, pas bws
free: free, free of charge | am ddim, rhad ac am ddim
meal: meal, meals, lunch, lunches | pryd, prydau, cinio, ciniawau, prydau ysgol
uniform: uniform, school uniform, school essentials | gwisg, gwisg ysgol, hanfodion ysgol
grant: grant, grants, funding, fund | grant, grantiau, cyllid
blue badge: blue badge, blue badges, disabled parking badge, parking badge, badge, badges | bathodyn glas,
  bathodynnau glas, bathodyn, bathodynnau
disabled: disabled, disability, disabilities | anabl, anabledd, anableddau, pobl anabl
parking: parking, car park, car parks, park | parcio, maes parcio, meysydd parcio
permit: permit, permits, licence, licences, license | trwydded, trwyddedau, hawlen, hawlenni
renew: renew, renewal, renewals, renewing | adnewyddu
eligible: eligible, eligibility, qualify, qualifies, entitled, entitlement | cymwys, cymhwysedd, hawl
evidence: evidence, proof, documents, document | tystiolaeth, prawf, dogfen, dogfennau
photo: photo, photos, photograph, picture | llun, lluniau, ffotograff
upload: upload, uploaded | lanlwytho, uwchlwytho
social care: social care, social services, social worker, social workers | gofal cymdeithasol,
  gwasanaethau cymdeithasol, gweithiwr cymdeithasol, gweithwyr cymdeithasol
care: care, caring | gofal, gofalu
adult: adult, adults | oedolyn, oedolion
front door: front door, first contact, single point of contact, point of contact, one point of contact
  | drws ffrynt, pwynt cyswllt, un pwynt cyswllt, cyswllt cyntaf
contact: contact, contacts, get in touch, enquiry, enquiries, query, queries | cysylltu, cyswllt, ymholiad,
  ymholiadau
contact centre: contact centre, call centre, customer contact centre | canolfan gyswllt, canolfan alwadau
advice: advice, information advice and assistance, guidance | cyngor a gwybodaeth, cyfarwyddyd
information: information, info, details | gwybodaeth, manylion
support: support, supporting, help, assistance | cymorth, cefnogaeth, cefnogi, help, helpu
referral: referral, referrals, refer, referred, referring | atgyfeiriad, atgyfeiriadau, atgyfeirio,
  cyfeirio
assessment: assessment, assessments, assess, assessed | asesiad, asesiadau, asesu
carer: carer, carers, unpaid carer, unpaid carers | gofalwr, gofalwyr, gofalwr di-dâl, gofalwyr di-dâl
respite: respite, break, short break | seibiant
older: older, elderly, older people, over 60 | hŷn, pobl hŷn, henoed, dros 60
vulnerable: vulnerable, at risk | bregus, agored i niwed
home: home, homes, house, houses, household, households | cartref, cartrefi, tŷ, tai, aelwyd, aelwydydd
housing: housing, council housing, social housing, tenancy | tai cyngor, tai cymdeithasol, tenantiaeth
tenant: tenant, tenants | tenant, tenantiaid
landlord: landlord, landlords | landlord, landlordiaid
repair: repair, repairs, repaired, mend | atgyweirio, atgyweiriad, atgyweiriadau, trwsio,
  gwaith trwsio, gwaith atgyweirio
homeless: homeless, homelessness | digartref, digartrefedd
register: register, registration, sign up, signing up, enrol, enrolment | cofrestru, cofrestr, cofrestriad,
  ymuno
account: account, accounts, sign in, log in, login | cyfrif, cyfrifon, mewngofnodi
pay: pay, payment, payments, paying, paid | talu, taliad, taliadau
direct debit: direct debit, direct debits | debyd uniongyrchol
bill: bill, bills, invoice, invoices | bil, biliau, anfoneb, anfonebau
council tax: council tax | treth gyngor, treth y cyngor
discount: discount, discounts, reduction, reductions, exemption | gostyngiad, gostyngiadau, eithriad
benefit: benefit, benefits, housing benefit | budd-dal, budd-daliadau, budd dal, budd daliadau
money: money, income, low income, low incomes, cost, costs | arian, incwm, incwm isel, cost, costau
debt: debt, debts, arrears | dyled, dyledion, ôl-ddyledion
report: report, reporting, reported, tell us, let us know | rhoi gwybod, adrodd, adroddiad
problem: problem, problems, fault, faults, defect, defects, damage, damaged, broken | problem, problemau,
  nam, namau, diffyg, diffygion, difrod, wedi torri, wedi'i ddifrodi
pothole: pothole, potholes | twll yn y ffordd, tyllau yn y ffordd, twll, tyllau
road: road, roads, highway, highways, street, streets, footway, footways, pavement, pavements | ffordd,
  ffyrdd, heol, heolydd, priffordd, priffyrdd, stryd, strydoedd, palmant, palmentydd
street light: street light, street lights, street lighting | golau stryd, goleuadau stryd
road closure: road closure, road closures, roadworks, road works, diversion, diversions | cau ffyrdd,
  ffordd ar gau, ffyrdd ar gau, gwaith ffordd, dargyfeiriad, dargyfeiriadau
map: map, maps, mapping, location, locations | map, mapiau, lleoliad, lleoliadau
track: track, tracker, tracking, follow, progress, status, updates | olrhain, dilyn, hynt, statws,
  diweddariadau
notify: notify, notification, notifications, alert, alerts | hysbysu, hysbysiad, hysbysiadau
warning: warning, warnings, early warning | rhybudd, rhybuddion
decision: decision, decisions, outcome, outcomes, result, results | penderfyniad, penderfyniadau,
  canlyniad, canlyniadau
planning: planning application, planning applications, planning permission, town planning | cais cynllunio,
  ceisiadau cynllunio, caniatâd cynllunio
development plan: local development plan, development plan | cynllun datblygu lleol, cynllun datblygu
building control: building control, building regulations | rheoli adeiladu, rheoliadau adeiladu
neighbour: neighbour, neighbours, neighbouring | cymydog, cymdogion
comment: comment, comments, representation, representations | sylw, sylwadau
consultation: consultation, consultations, consult, have your say | ymgynghoriad, ymgynghoriadau,
  ymgynghori, dweud eich dweud
fire: fire, fires | tân, tanau
fire service: fire service, fire and rescue, fire and rescue service, firefighters, fire crew |
  gwasanaeth tân, tân ac achub, gwasanaeth tân ac achub, diffoddwyr tân, criw tân
safety: safety, safe, safely | diogelwch, diogel
smoke alarm: smoke alarm, smoke alarms, smoke detector | larwm mwg, larymau mwg
safe and well: safe and well, home fire safety check, home fire safety visit, fire safety check, fire
  safety visit | diogel ac iach, archwiliad diogelwch tân, gwiriad diogelwch tân, ymweliad diogelwch tân
check: check, checks, checked, checking, verify, verified | gwirio, gwiriad, gwiriadau, archwilio
inspection: inspection, inspections, inspect, inspector, inspectors | arolygiad, arolygiadau, arolygu,
  archwiliad, archwiliadau, arolygydd, arolygwyr
officer: officer, officers | swyddog, swyddogion
food: food | bwyd
hygiene: hygiene, food hygiene, food safety | hylendid, hylendid bwyd, diogelwch bwyd
environmental health: environmental health | iechyd yr amgylchedd, iechyd amgylcheddol
premises: premises, business, businesses, site, sites | safle, safleoedd, busnes, busnesau, eiddo
rating: rating, ratings, score, scores | sgôr, sgoriau
food bank: food bank, food banks, foodbank | banc bwyd, banciau bwyd
health: health, healthcare, nhs | iechyd, gofal iechyd, gig
patient: patient, patients | claf, cleifion
outpatient: outpatient, outpatients, clinic, clinics, outpatient clinic | claf allanol, cleifion allanol,
  clinig, clinigau
hospital: hospital, hospitals, ward, wards | ysbyty, ysbytai, ward, wardiau
gp: gp, gps, general practice, surgery | meddyg teulu, meddygon teulu, meddygfa, meddygfeydd
doctor: doctor, doctors, clinician, clinicians, consultant | meddyg, meddygon, clinigwr, clinigwyr
nurse: nurse, nurses, nursing | nyrs, nyrsys, nyrsio
wait: wait, waiting, waiting list, waiting lists, waiting times, waiting time, how long | aros, rhestr aros,
  rhestrau aros, amseroedd aros, amser aros, pa mor hir
treatment: treatment, treatments, planned care | triniaeth, triniaethau, gofal wedi'i gynllunio
test result: test result, test results, blood test, blood tests | canlyniad prawf, canlyniadau profion,
  prawf gwaed, profion gwaed
vaccination: vaccination, vaccinations, vaccine, vaccines, jab, jabs, immunisation, flu jab | brechiad,
  brechiadau, brechu, brechlyn, brechlynnau
discharge: discharge, discharged | rhyddhau, rhyddhau o r ysbyty
bed: bed, beds, placement, placements, vacancy, vacancies | gwely, gwelyau, lleoliad gofal, lle gwag,
  lleoedd gwag
care home: care home, care homes, residential care, nursing home | cartref gofal, cartrefi gofal
mental health: mental health | iechyd meddwl
rota: rota, rotas, roster, rostering, rosters | rota, rotâu, rhestr ddyletswyddau
shift: shift, shifts, bank shift, bank shifts | shifft, shifftiau, sifft, sifftiau
leave: leave, annual leave, holiday | gwyliau, gwyliau blynyddol, absenoldeb
staff: staff, workforce, employee, employees, worker, workers | staff, gweithlu, gweithiwr, gweithwyr,
  cyflogai, cyflogeion
training: training, train, course, courses, session, sessions | hyfforddiant, hyfforddi, cwrs, cyrsiau,
  sesiwn, sesiynau
recruit: recruitment, recruit, vacancy advert, job, jobs | recriwtio, swydd, swyddi
library: library, libraries, branch library | llyfrgell, llyfrgelloedd
ebook: e-book, e-books, ebook, ebooks, audiobook, audiobooks, e-audiobook, e-audiobooks, e-magazine,
  e-magazines, digital lending | e-lyfr, e-lyfrau, elyfr, elyfrau, llyfr llafar, llyfrau llafar, e-gylchgrawn,
  e-gylchgronau, benthyca digidol
books: book stock, printed books | llyfr, llyfrau
borrow: borrow, borrowing, lend, lending, loan, loans | benthyg, benthyca, benthyciad
member: member, members, membership | aelod, aelodau, aelodaeth
card: card, cards | cerdyn, cardiau
magazine: magazine, magazines | cylchgrawn, cylchgronau
room: room, rooms, meeting room, hall | ystafell, ystafelloedd, ystafell gyfarfod, neuadd
hire: hire, hiring, rent a room | llogi
chatbot: chatbot, chatbots, chat bot, virtual assistant, virtual agent, bot, webchat, web chat, digital
  assistant | sgwrsfot, sgwrsfotiaid, bot sgwrsio, cynorthwyydd rhithwir, cynorthwyydd digidol, chatbot,
  sgwrs ar y we, gwe-sgwrs
conversation: conversation, conversations, chat | sgwrs, sgyrsiau, sgwrsio
question: question, questions, faq, faqs, frequently asked questions | cwestiwn, cwestiynau, cwestiynau
  cyffredin
answer: answer, answers, answering, reply | ateb, atebion
bilingual: bilingual | dwyieithog
welsh: welsh, welsh language, welsh speakers, in welsh | cymraeg, yn gymraeg, siaradwyr cymraeg, iaith gymraeg
english: english, in english | saesneg, yn saesneg
translation: translation, translations, translate, translating, translation memory | cyfieithu,
  cyfieithiad, cyfieithiadau, cof cyfieithu
terminology: terminology, terms, glossary | termau, terminoleg, geirfa
electric vehicle: electric vehicle, electric vehicles, ev, evs, electric car, electric cars | cerbyd trydan,
  cerbydau trydan, car trydan, ceir trydan
charge point: charge point, charge points, charging point, charging points, charger, chargers, charging
  | pwynt gwefru, pwyntiau gwefru, gwefrydd, gwefru
vehicle: vehicle, vehicles, car, cars | cerbyd, cerbydau, car, ceir
availability: availability, available, live availability, free space | argaeledd, ar gael, rhydd
flood: flood, floods, flooding | llifogydd, llifogydd afon
river: river, rivers, river level, river levels, water level, water levels | afon, afonydd, lefel afon,
  lefelau afonydd, lefel dŵr, lefelau dŵr
sensor: sensor, sensors | synhwyrydd, synwyryddion
risk: risk, risks | perygl, risg
area: area, areas, region, local area, neighbourhood | ardal, ardaloedd, rhanbarth
dashboard: dashboard, dashboards | dangosfwrdd, dangosfyrddau
data: data, dataset, datasets, open data | data, setiau data, data agored
incident: incident, incidents | digwyddiad, digwyddiadau
emergency: emergency, emergencies, 999 | argyfwng, argyfyngau, brys
police: police, policing | heddlu, plismona
crime: crime, crimes | trosedd, troseddau
enforcement: enforcement | gorfodi, gorfodaeth
survey: survey, surveys, questionnaire | arolwg, arolygon, holiadur
feedback: feedback | adborth
complaint: complaint, complaints, compliment | cwyn, cwynion, canmoliaeth
vote: vote, voting, election, elections, electoral | pleidleisio, pleidlais, etholiad, etholiadau, etholiadol
birth: birth, births | genedigaeth, genedigaethau
death: death, deaths, bereavement | marwolaeth, marwolaethau, profedigaeth
marriage: marriage, wedding, civil partnership | priodas, partneriaeth sifil
wellbeing: wellbeing, well-being, well being | llesiant, lles
loneliness: loneliness, lonely, isolation | unigrwydd, unig, ynysigrwydd
dementia: dementia | dementia
equipment: equipment, aids and adaptations, adaptation, adaptations | offer, addasiad, addasiadau
direct payment: direct payment, direct payments | taliad uniongyrchol, taliadau uniongyrchol
procurement: procurement, purchasing, supplier, suppliers, contract, contracts | caffael, cyflenwr,
  cyflenwyr, contract, contractau
leisure: leisure, leisure centre, leisure centres, gym, gyms | hamdden, canolfan hamdden, canolfannau
  hamdden, campfa
swim: swimming, swim, pool, pools | nofio, pwll nofio, pyllau nofio
sport: sport, sports | chwaraeon
countryside: countryside, footpath, footpaths, rights of way, national park | cefn gwlad, llwybr troed,
  llwybrau troed, hawliau tramwy, parc cenedlaethol
tourism: tourism, tourist, tourists | twristiaeth, twristiaid
event: event, events | digwyddiad, digwyddiadau
museum: museum, museums, archive, archives, heritage | amgueddfa, amgueddfeydd, archif, archifau, treftadaeth
climate: climate, climate change, carbon, net zero | hinsawdd, newid hinsawdd, carbon, sero net
energy: energy, heating, fuel | ynni, gwresogi, tanwydd
tree: tree, trees, woodland | coeden, coed, coetir
translation service: interpreter, interpreting | cyfieithydd, cyfieithu ar y pryd
identity: identity, id, identity check, verification | hunaniaeth, prawf adnabod, dilysu
address: address, addresses, postcode, postcodes | cyfeiriad, cyfeiriadau, cod post, codau post
search: search, searching, find, finding, look up | chwilio, dod o hyd i, canfod
directory: directory, directories, listing, listings | cyfeiriadur, cyfeiriaduron, rhestr, rhestrau
cancel: cancel, cancellation, cancellations, change, rebook | canslo, newid, ail-drefnu, aildrefnu
confirm: confirm, confirmation, confirmed | cadarnhau, cadarnhad
missed: missed, did not attend, no show, no shows | a gollwyd, colli, methu
shop: one stop shop, one stop shops, reception desk | siop un stop, siopau un stop, desg y dderbynfa
lost: lost, stolen, replace lost | wedi'i golli, wedi'i ddwyn, un newydd yn ei le
manager: manager, managers | rheolwr, rheolwyr
record: record, records, recording | cofnod, cofnodion, cofnodi
tablet: tablet, tablets, handheld, handheld device, handheld devices | llechen, llechi, dyfais law
community: community, communities, community group, community groups | cymuned, cymunedau, grŵp cymunedol,
  grwpiau cymunedol
skills: skill, skills, skilled, capability, capabilities | sgil, sgiliau, gallu, galluoedd
digital skills: digital skills, digital literacy, digital confidence | sgiliau digidol, llythrennedd digidol,
  hyder digidol
standard: standard, standards | safon, safonau
service standard: service standard, service standards, digital service standards | safon gwasanaeth, safonau
  gwasanaeth, safonau gwasanaethau digidol
assessment service: service assessment, service assessments, assurance, peer review | asesiad gwasanaeth,
  asesiadau gwasanaeth, sicrwydd, adolygiad gan gymheiriaid
inclusion: inclusion, included, inclusive | cynhwysiant, cynhwysol
exclusion: exclusion, excluded, digitally excluded | allgáu, allgau, wedi'u hallgáu, allgáu digidol
fund: fund, funds, funded, funding fund, investment | cronfa, cronfeydd, ariannu, ariannwyd, buddsoddiad
review: review, reviews, reviewed, landscape review, evaluation, evaluate | adolygiad, adolygiadau,
  adolygu, gwerthusiad, gwerthuso
strategy: strategy, strategies, strategic, roadmap | strategaeth, strategaethau, strategol, map ffordd
research: research, researcher, researchers, user research, insight, insights | ymchwil, ymchwilydd,
  ymchwilwyr, ymchwil defnyddwyr, mewnwelediad
content: content, content design, content designer, wording, plain language, plain english | cynnwys,
  dylunio cynnwys, dylunydd cynnwys, iaith glir, cymraeg clir
discovery: discovery, discoveries, explore, exploring, exploratory | darganfod, cam darganfod, archwilio
design: design, designs, designer, designers, designing, redesign | dylunio, dyluniad, dylunydd, dylunwyr,
  ailddylunio, ailgynllunio
service design: service design, service designer, user centred, user-centred, human centred | dylunio
  gwasanaethau, dylunydd gwasanaethau, canolbwyntio ar y defnyddiwr, canolbwyntio ar bobl
user needs: user need, user needs, needs of users | anghenion defnyddwyr, angen defnyddwyr
pattern: pattern, patterns, component, components, design system | patrwm, patrymau, cydran, cydrannau, system
  ddylunio
practice: community of practice, communities of practice, peer group, network, networks | cymuned ymarfer,
  cymunedau ymarfer, grŵp cymheiriaid, rhwydwaith, rhwydweithiau
good practice: good practice, best practice, lessons learned, case study, case studies | arfer da, arferion
  da, gwersi a ddysgwyd, astudiaeth achos, astudiaethau achos
share: share, sharing, shared, reuse, reusable, reused | rhannu, a rennir, ailddefnyddio
leadership: leadership, leader, leaders, senior leader, senior leaders, executive, executives, chief executive
  | arweinyddiaeth, arweinydd, arweinwyr, uwch arweinwyr, uwch swyddogion, prif weithredwr
lead: lead, leading, led | arwain
agile: agile, sprint, sprints, iterate, iterative | ystwyth, sbrint, sbrintiau, iteru
transformation: transformation, transform, transforming, modernise, modernising, modernisation | trawsnewid,
  trawsnewidiad, moderneiddio
modern: modern | modern, cyfoes
public service: public service, public services | gwasanaeth cyhoeddus, gwasanaethau cyhoeddus
public: public | cyhoeddus
national: national, nationally, all wales, all-wales, wales wide, across wales | cenedlaethol, cymru gyfan,
  ledled cymru
framework: framework, frameworks | fframwaith, fframweithiau
guidance: guidance, guide, guides, manual, handbook, toolkit | canllaw, canllawiau, llawlyfr, pecyn cymorth
accessibility: accessibility, accessible, wcag, screen reader, screen readers | hygyrchedd, hygyrch,
  darllenydd sgrin, darllenwyr sgrin
cyber: cyber, cyber security, cybersecurity, cyber attack, ransomware | seiber, seiberddiogelwch, diogelwch
  seiber, ymosodiad seiber
security: security, secure, securely | diogelwch gwybodaeth, diogel
cloud: cloud, hosting, hosted, data centre, data centres | cwmwl, lletya, canolfan ddata, canolfannau data
network connection: broadband, connectivity, connection, connections, fibre, full fibre, gigabit, 4g, 5g,
  mobile signal, wifi, wi-fi | band eang, cysylltedd, cysylltiad, cysylltiadau, ffibr, ffibr llawn, signal
  ffôn symudol, wifi
device: device, devices, laptop, laptops, computer, computers | dyfais, dyfeisiau, gliniadur, gliniaduron,
  cyfrifiadur, cyfrifiaduron
software: software, application software, licence software | meddalwedd
automation: automation, automate, automated, automatic, automatically, robotic process automation, rpa,
  software robot, software robots, bots | awtomeiddio, awtomatig, awtomeiddio prosesau robotig,
  robot meddalwedd
artificial intelligence: artificial intelligence, ai, machine learning, generative ai, large language model,
  copilot | deallusrwydd artiffisial, dysgu peirianyddol, deallusrwydd artiffisial cynhyrchiol
voice: voice, speech, speech recognition, interactive voice response, ivr, voice assistant | llais, lleferydd,
  adnabod lleferydd, ymateb llais rhyngweithiol
pilot: pilot, pilots, piloting, trial, trials, trialling, test, tests | peilot, cynllun peilot, treial,
  treialon, treialu, prawf
interoperability: interoperability, integration, integrate, integrated, joined up | rhyngweithredu,
  integreiddio, integredig, cydgysylltiedig
case management: case management, case management system, case system | rheoli achosion,
  system rheoli achosion
prescribing: prescribing, prescribe, prescription, prescriptions, medicines, medication, medicine, epma |
  rhagnodi, presgripsiwn, presgripsiynau, meddyginiaeth, meddyginiaethau
electronic: electronic, electronically, paperless, e- | electronig, di-bapur
monitor: monitor, monitoring, monitored, remote monitoring | monitro, monitro o bell
telecare: telecare, telehealth, technology enabled care, pendant alarm, care alarm, lifeline | teleofal,
  teleiechyd, gofal wedi'i alluogi gan dechnoleg, larwm gofal, larwm crog
video: video, video call, video calls, video consultation, video consultations | fideo, galwad fideo,
  galwadau fideo, ymgynghoriad fideo
portal: portal, self service, self-service | porth, hunanwasanaeth
personal information: personal information, personal data, sharing personal information, information
  sharing | gwybodaeth bersonol, data personol, rhannu gwybodaeth bersonol, rhannu gwybodaeth
agreement: agreement, agreements, protocol, protocols, accord | cytundeb, cytundebau, protocol, protocolau
workforce planning: workforce planning, workforce plan | cynllunio'r gweithlu, cynllun gweithlu
apprenticeship: apprenticeship, apprenticeships, apprentice, apprentices, graduate scheme | prentisiaeth,
  prentisiaethau, prentis, prentisiaid, cynllun graddedigion
maturity: maturity, digital maturity, self assessment, self-assessment | aeddfedrwydd, aeddfedrwydd digidol,
  hunanasesiad, hunanasesu
procurement framework: supplier framework, procurement framework | fframwaith caffael
open source: open source, code, github, source code | cod agored, ffynhonnell agored, cod ffynhonnell
api: api, apis, interface, interfaces | api, rhyngwyneb, rhyngwynebau
address data: address data, gazetteer, llpg, uprn | data cyfeiriadau, rhestr cyfeiriadau
dashboard data: analytics, analysis, insight dashboard, performance data | dadansoddi, dadansoddiad, data
  perfformiad
recruitment campaign: recruitment campaign, job portal, jobs portal, job board | ymgyrch recriwtio, porth
  swyddi, hysbysebu swyddi
social care workforce: care worker, care workers, social care workforce, care workforce | gweithiwr gofal,
  gweithwyr gofal, gweithlu gofal cymdeithasol, gweithlu gofal
young carer: young carer, young carers | gofalwr ifanc, gofalwyr ifanc
nappy: nappy, nappies, incontinence, absorbent hygiene products, hygiene waste | cewyn, cewynnau,
  anymataliaeth, cynhyrchion hylendid amsugnol, gwastraff hylendid
sort: kerbside sort, kerbside, sorting, separate, separated | didoli wrth ymyl y ffordd, didoli, ar wahân
universal credit: universal credit | credyd cynhwysol
claimant: claimant, claimants | hawliwr, hawlwyr, hawliad, hawliadau
year: year, years, annual, annually, yearly | blwyddyn, blynyddoedd, blynyddol
month: month, months, monthly | mis, misoedd, misol
existing: existing, current, currently | presennol, cyfredol
process: process, processes, processing, processed | proses, prosesau, prosesu
receive: receive, receives, received, receiving | derbyn
ask: ask, asks, asked, asking | gofyn
office: office, offices | swyddfa, swyddfeydd
fine: fine, fines, penalty, penalties, penalty charge notice, penalty charge notices | dirwy, dirwyon, cosb,
  cosbau, hysbysiad tâl cosb, hysbysiadau tâl cosb
pension: pension, pensions, pensioner, pensioners | pensiwn, pensiynau, pensiynwr, pensiynwyr
regulation: regulation, regulations, regulatory | rheoliad, rheoliadau, rheoleiddio
simplify: simplify, simplified, simpler, simplifying | symleiddio, symlach
activity: activity, activities | gweithgaredd, gweithgareddau
class: class, classes, classroom, classrooms | dosbarth, dosbarthiadau, ystafell ddosbarth
learning: learn, learning, learner, learners | dysgu, dysgwr, dysgwyr
develop: develop, develops, developed, development | datblygu, datblygiad, datblygiadau
clothing: clothes, clothing, kit | dillad, dilledyn
threshold: threshold, thresholds | trothwy, trothwyon
outdoor: outdoor, outdoors, open air | awyr agored
plastic: plastic, plastics | plastig
container: container, containers | cynhwysydd, cynwysyddion
electricity: electricity, electric, electrical | trydan, trydanol
boiler: boiler, boilers | boeler, boeleri
leak: leak, leaks, burst pipe, burst pipes, pipe, pipes | gollwng, pibell, pibellau, pibell wedi byrstio
assistant: assistant, assistants | cynorthwyydd, cynorthwywyr
virtual: virtual | rhithwir
night: night, nights, overnight, out of hours | nos, nosweithiau, dros nos, y tu allan i oriau
fill in: fill in, fill out, filling in | llenwi
"""


# Words spelt the same in both languages with different meanings: a form in one language's glossary is not
# matched in the other language's text ("offer" is equipment in Welsh, a proposal in English).
FALSE_FRIENDS = frozenset(
    ("offer", "term", "termau", "plant", "ward", "dim", "man", "ton", "hen", "tan", "pen")
)


@dataclass(frozen=True)
class Token:
    """One matching key and the words it came from (lower case, accents kept), for showing why two
    descriptions match."""

    key: str
    surface: str


def fold(text: str) -> str:
    """Lower case without accents: "Ŵyr Tŷ" → "wyr ty"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# A word, or a clitic with its apostrophe ("'r", "'n"), which is how Welsh writes "i'r" and "sy'n".
_WORD = re.compile(r"'?[^\W_]+")
# Where a description changes sentence, or a bilingual title changes language.
_SEGMENT_BREAK = re.compile(r"[.!?;:\n\r|()\[\]]+|\s[/–—-]\s|\s/|/\s")


# The acronyms of the text being analysed (lower-cased), which word_key leaves alone.
_acronyms: ContextVar[frozenset[str]] = ContextVar("acronyms", default=frozenset())
_ACRONYM = re.compile(r"\b(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Z][A-Za-z]{1,7}\b")


def acronyms(text: str) -> frozenset[str]:
    """Words written mostly in capitals, with two or more of them ("CDPS", "NHS", "CLlLC"), lower-cased."""
    found = set()
    for word in _ACRONYM.findall(text[:MAX_TEXT_CHARS]):
        if sum(c.isupper() for c in word) * 2 >= len(word):
            found.add(word.lower())
    return frozenset(found)


def words(text: str) -> list[str]:
    """The words of `text`, lower case, accents kept, clitics apart: "I'r Ysgol" → ["i", "'r", "ysgol"]."""
    lowered = unicodedata.normalize("NFC", text[:MAX_TEXT_CHARS]).translate(_APOSTROPHES).lower()
    return [word for word in _WORD.findall(lowered) if len(word) <= MAX_WORD_CHARS]


# Initial-consonant mutations, undone into one key per class. Welsh mutates the first consonant of a word
# after certain words: soft (c→g, p→b, t→d, g→∅, b→f, d→dd, ll→l, m→f, rh→r), nasal (c→ngh, p→mh, t→nh, g→ng,
# b→m, d→n) and aspirate (c→ch, p→ph, t→th). Undoing them is ambiguous ("f" may be b or m, "l" may be ll or
# gl, a vowel may follow a lost g), so instead every spelling that one radical can take maps to the same key,
# by merging the classes the mutations connect:
#   velar and lost-g: c, g, ngh, ng, ch, and nothing (a vowel, w, l or r after a lost g)  → strip them
#   labial:           p, b, mh, ph, f (but not ff), m                                     → "p"
#   dental:           t, d, nh, th, dd, n                                                 → "t"
#   liquids:          ll → l and rh → r, which joins them to the lost-g class ("glan", "lan", "llan")
# So Caerdydd, Nghaerdydd, Gaerdydd and Chaerdydd all key "aerdydd"; gwasanaeth, wasanaeth and ngwasanaeth
# key "wasanaeth"; Bangor, Mangor and Fangor key "pangor". Distinct Welsh words that collide this way are
# rare, and the key is never shown to anyone.
_MUTATION_PREFIXES = (
    ("ngh", ""),
    ("mh", "p"),
    ("nh", "t"),
    ("ng", ""),
    ("ch", ""),
    ("ph", "p"),
    ("th", "t"),
    ("dd", "t"),
    ("ff", None),
    ("ll", "l"),
    ("rh", "r"),
    ("c", ""),
    ("g", ""),
    ("p", "p"),
    ("b", "p"),
    ("m", "p"),
    ("f", "p"),
    ("t", "t"),
    ("d", "t"),
    ("n", "t"),
)
# H-prothesis: after "ei" (her), "ein" (our), "eu" (their) and their clitics, a vowel-initial word gains an h
# ("ysgol" → "ei hysgol"). The h is stripped only there, where the grammar puts it: stripping every h before
# a vowel would fold "hawl" into "awl" and, with the lost-g class, "heddlu" into the c/g words. The price is
# a radical h after those words ("eu hawliau", their rights), which then keys as if prothetic.
_H_TRIGGERS = frozenset(("ei", "ein", "eu", "'i", "'u", "'w"))
_VOWELS = frozenset("aeiouwy")


def demutate(word: str) -> str:
    """The mutation-class key of one folded Welsh word (see the table above)."""
    for prefix, replacement in _MUTATION_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if replacement is None or not rest:
                return word
            return replacement + rest
    return word


def strip_h_prothesis(word: str, previous: str) -> str:
    """`word` without a prothetic h, if `previous` is a word that adds one: ("ei", "hysgol") → "ysgol". A word
    the Welsh lemmatiser knows is left to it: it undoes the h where there is one ("hysgol" → "ysgol") and
    keeps a radical h ("i'w helpu", to help them, is "helpu", not "elpu")."""
    if (
        previous in _H_TRIGGERS
        and len(word) > 2
        and word[0] == "h"
        and word[1] in _VOWELS
        and not simplemma.is_known(word, lang="cy")
    ):
        return word[1:]
    return word


_NO_PLURAL_S = ("ss", "us", "is", "ws")
_UNDOUBLE = frozenset("bdgmnprt")


def stem(word: str) -> str:
    """A light stemmer, the same for both languages: one plural ending (-iau, -au, -ies, -s), then one of
    -ing, -ed or a final -e: "bookings", "booking" and "booked" share "book"; "slotiau" and "slot" "slot"."""
    if len(word) <= 4:
        return word
    if word.endswith("iau") and len(word) >= 6:
        word = word[:-3]
    elif word.endswith("au") and len(word) >= 5:
        word = word[:-2]
    elif word.endswith("ies") and len(word) >= 6:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(_NO_PLURAL_S):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] in _UNDOUBLE:
                word = word[:-1]
            return word
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def english_key(word: str) -> str:
    """An English word's Snowball stem ("bookings", "booked" → "book"; "accessibility" → "access")."""
    return lemmas.english_stem(word)


@lru_cache(maxsize=200_000)
def welsh_key(word: str) -> str:
    """A Welsh word's key: the English key of its English word in Eurfa, the Welsh–English dictionary, so that
    Welsh and English descriptions meet beyond the glossary ("ymchwil" and "research" share "research").

    The word is looked up as written first, then as its dictionary form from simplemma's Welsh lemmatiser,
    which undoes mutations and plurals ("ngwasanaethau" → "gwasanaeth", "dyllau" → "twll"): the lemmatiser
    sometimes takes a headword for a form of another word ("safon", standard, for "safio", to save). A known
    word with no English keeps its Welsh dictionary form; a word the lemmatiser does not know falls back to
    the mutation classes and the light stemmer above, so its mutated forms still meet."""
    if english := lemmas.english_for_welsh(word):
        return english_key(english)
    if simplemma.is_known(word, lang="cy"):
        lemma = lemmas.welsh_lemma(word)
        english = lemmas.english_for_welsh(lemma)
        return english_key(english) if english else lemma
    return stem(demutate(fold(word)))


def word_key(word: str, previous: str, welsh: bool) -> str:
    """The key of one word (lower case, accents kept) in a Welsh or an English segment. An acronym (written
    with two or more capitals, "CDPS", "CLlLC") is never mutated or stemmed: it is its own key."""
    if word in _acronyms.get():
        return fold(word)
    if welsh:
        return welsh_key(strip_h_prothesis(word, previous))
    return english_key(word)


@dataclass(frozen=True)
class _Phrases:
    """Phrase tables for one language: the key sequences of glossary forms, boilerplate and place names, by
    first key, longest first. A replacement of None drops the phrase."""

    by_first: dict[str, list[tuple[tuple[str, ...], str | None]]]
    vocabulary: frozenset[
        str
    ]  # single keys of this language's own glossary and boilerplate, to guess languages


def _parse_list(block: str) -> list[str]:
    return [item.strip() for item in block.replace("\n", " ").split(";") if item.strip()]


def _parse_glossary() -> list[tuple[str, list[str], list[str]]]:
    entries = []
    for line in re.sub(r"\n\s+", " ", GLOSSARY.strip()).splitlines():
        concept, _, forms = line.partition(":")
        english, _, welsh = forms.partition("|")
        entries.append(
            (
                "~" + concept.strip().replace(" ", "-"),
                [form.strip() for form in english.split(",") if form.strip()],
                [form.strip() for form in welsh.split(",") if form.strip()],
            )
        )
    return entries


def _phrase_keys(phrase: str, welsh: bool) -> tuple[str, ...]:
    keys, previous = [], ""
    for word in words(phrase):
        keys.append(word_key(word, previous, welsh))
        previous = word
    return tuple(keys)


def _add(table: dict, phrase: str, welsh: bool, replacement: str | None) -> None:
    keys = _phrase_keys(phrase, welsh)
    if not keys:
        return
    entries = table.setdefault(keys[0], [])
    if all(existing != keys for existing, _ in entries):  # the first entry for a phrase wins
        entries.append((keys, replacement))


@cache
def phrase_tables(concepts: bool = True) -> dict[str, _Phrases]:
    """The phrase tables for English ("en") and Welsh ("cy") segments. Each language's own forms come first,
    so they win a clash; the other language's forms are added too, keyed as this language would key them, so
    a loanword or a name in the other language still maps ("slot" in Welsh text, "Porth Gofal" in English)."""
    glossary = _parse_glossary() if concepts else []
    tables = {}
    for language, welsh in (("en", False), ("cy", True)):
        table: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        own_boilerplate, other_boilerplate = (
            (BOILERPLATE_CY, BOILERPLATE_EN) if welsh else (BOILERPLATE_EN, BOILERPLATE_CY)
        )
        for phrase in _parse_list(own_boilerplate) + _parse_list(PLACES) + _parse_list(other_boilerplate):
            _add(table, phrase, welsh, None)
        for concept, english, welsh_forms in glossary:
            for phrase in welsh_forms if welsh else english:
                _add(table, phrase, welsh, concept)
        for concept, english, welsh_forms in glossary:
            for phrase in english if welsh else welsh_forms:
                if phrase not in FALSE_FRIENDS:
                    _add(table, phrase, welsh, concept)
        for entries in table.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        own = [form for _, english, welsh_forms in glossary for form in (welsh_forms if welsh else english)]
        own += _parse_list(own_boilerplate)
        vocabulary = frozenset(
            key for form in own if len(keys := _phrase_keys(form, welsh)) == 1 for key in keys
        )
        tables[language] = _Phrases(by_first=table, vocabulary=vocabulary)
    return tables


_WELSH_SPELLING = re.compile(r"^(ll|rh|ngh|mh|nh|dd)|wy|yw|ydd|[ŵŷ]|iau$|au$")
_CY_ONLY = STOP_WORDS_CY - STOP_WORDS_EN
_EN_ONLY = STOP_WORDS_EN - STOP_WORDS_CY


def _language_votes(segment: list[str], concepts: bool) -> int:
    """Positive if `segment` reads as Welsh, negative if English, 0 if it cannot tell: one vote per stop word
    or glossary word found in one language's lists only."""
    tables = phrase_tables(concepts)
    welsh_vocabulary, english_vocabulary = tables["cy"].vocabulary, tables["en"].vocabulary
    votes = 0
    for word in segment:
        votes += (word in _CY_ONLY) - (word in _EN_ONLY)
        votes += (welsh_key(word) in welsh_vocabulary) - (english_key(word) in english_vocabulary)
    return votes


def guess_language(text: str) -> str:
    """ "cy" or "en": the language most of `text` is in, from its stop words and glossary words, and failing
    those from Welsh spellings (w and y as vowels, initial ll and rh, -au plurals)."""
    segment = words(text)
    votes = _language_votes(segment, concepts=True)
    if votes == 0:
        votes = sum(1 for word in segment if _WELSH_SPELLING.search(word))
    return "cy" if votes > 0 else "en"


def _segments(text: str, fold_mode: str, concepts: bool) -> list[tuple[list[str], bool]]:
    """The segments of `text`, each with whether its words are keyed as Welsh. A segment that cannot tell
    takes the language of the whole text."""
    segments = [segment for part in _SEGMENT_BREAK.split(text[:MAX_TEXT_CHARS]) if (segment := words(part))]
    if fold_mode != "auto":
        return [(segment, fold_mode == "all") for segment in segments]
    votes = [_language_votes(segment, concepts) for segment in segments]
    whole = sum(votes)
    if whole == 0:
        whole = sum(1 for segment in segments for word in segment if _WELSH_SPELLING.search(word))
    return [(segment, vote > 0 if vote else whole > 0) for segment, vote in zip(segments, votes, strict=True)]


def _match_phrase(
    segment: list[str], keys: list[str], start: int, table: _Phrases
) -> tuple[int, str | None] | None:
    """The longest phrase starting at `start`, as (length, replacement). A stop word alone matches nothing:
    its key may equal a glossary word's ("ar", on, keys like "car" mutated)."""
    for phrase, replacement in table.by_first.get(keys[start], ()):
        if len(phrase) == 1 and segment[start] in STOP_WORDS:
            continue
        if tuple(keys[start : start + len(phrase)]) == phrase:
            return len(phrase), replacement
    return None


def _is_noise(word: str, key: str) -> bool:
    """Stop words, one-letter words and short numbers carry no need."""
    return word in STOP_WORDS or len(key) < 2 or (key.isdigit() and len(key) < 3)


def _segment_tokens(segment: list[str], welsh: bool, table: _Phrases) -> list[Token]:
    keys, previous = [], ""
    for word in segment:
        keys.append(word_key(word, previous, welsh))
        previous = word
    tokens, position = [], 0
    while position < len(segment):
        found = _match_phrase(segment, keys, position, table)
        if found:
            length, replacement = found
            if replacement is not None:
                tokens.append(Token(replacement, " ".join(segment[position : position + length])))
            position += length
            continue
        word, key = segment[position], keys[position]
        if not _is_noise(word, key):
            tokens.append(Token(key, word))
        position += 1
    return tokens


def analyse(text: str, *, fold_mode: str = "auto", concepts: bool = True) -> list[Token]:
    """The matching tokens of a description, in order.

    `fold_mode` says where Welsh mutations are undone: "auto" (segments guessed Welsh, the default), "all" or
    "none"; `concepts=False` leaves out the bilingual glossary. Both exist for the benchmark's ablation."""
    tables = phrase_tables(concepts)
    tokens = []
    marker = _acronyms.set(acronyms(text))
    try:
        for segment, welsh in _segments(text, fold_mode, concepts):
            tokens.extend(_segment_tokens(segment, welsh, tables["cy" if welsh else "en"]))
    finally:
        _acronyms.reset(marker)
    return tokens


def normalise(text: str) -> list[str]:
    """The matching keys of a description, in order (see the module docstring)."""
    return [token.key for token in analyse(text)]


def boilerplate_terms(
    documents: Iterable[Sequence[str]], *, max_share: float = 0.2, min_documents: int = 50
) -> frozenset[str]:
    """The keys found in more than `max_share` of `documents` (each a sequence of keys): what nearly every
    project says, which tells nothing about its need. Below `min_documents` shares are too noisy to judge, and
    nothing is called boilerplate."""
    counts: dict[str, int] = {}
    total = 0
    for keys in documents:
        total += 1
        for key in set(keys):
            counts[key] = counts.get(key, 0) + 1
    if total < min_documents:
        return frozenset()
    limit = max_share * total
    return frozenset(key for key, count in counts.items() if count > limit)
