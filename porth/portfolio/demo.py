"""Demo and benchmark projects for the portfolio.

The demo portfolio is about 300 made-up projects across the Welsh public bodies in the directory. The same
kinds of work (booking a recycling centre slot, outpatient letters by text) appear at several councils and
health boards in slightly different words, because making duplicate work visible is the point of the
portfolio.
Some projects are written in one language only and some have gone stale, so that those pages can be tried.

Everything is drawn from one seeded random generator, so every load makes the same data (relative to today).
Demo projects are marked `is_demo` and skip the change history: nobody changed them.

`projects_load_scale` makes any number of plainer synthetic projects from word lists, for benchmarks.
"""

import datetime
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import cycle

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from porth.accounts.models import OrganisationMembership, User
from porth.core.phases import Phase
from porth.directory.models import (
    LeadershipTeam,
    Organisation,
    OrganisationKind,
    ProgrammeItem,
    Sector,
    Service,
    WellbeingGoal,
)

from .models import (
    BudgetBand,
    Collaboration,
    CollaborationRequest,
    Project,
    ProjectUpdate,
    Status,
    Tag,
    Visibility,
)

SEED = 2026

WLGA_TEAM, WG_TEAM, NHS_TEAM, CDPS_TEAM = (
    "wlga-digital-team",
    "welsh-government-digital",
    "nhs-wales-digital",
    "cdps",
)
WLGA_CODE = "welsh-local-government-association"

# Groups of owners and partners a theme can name, besides single organisation codes.
GROUPS = {
    "council": {OrganisationKind.LOCAL_AUTHORITY},
    "health_board": {OrganisationKind.HEALTH_BOARD},
    "nhs": {
        OrganisationKind.HEALTH_BOARD,
        OrganisationKind.NHS_TRUST,
        OrganisationKind.SPECIAL_HEALTH_AUTHORITY,
    },
    "fire": {OrganisationKind.FIRE_RESCUE},
    "park": {OrganisationKind.NATIONAL_PARK},
    "wg": {OrganisationKind.WELSH_GOVERNMENT},
    "any": set(OrganisationKind) - {OrganisationKind.POLICE},
}

# Where most people use Welsh every day, more projects are written and reported in Welsh first.
WELSH_FIRST = {"W06000001", "W06000002", "W06000008", "W06000010", "W18000003", "W11000025"}


@dataclass(frozen=True)
class Theme:
    """A kind of work that several bodies take on: the seed of a cluster of similar projects."""

    key: str
    owners: tuple[str, ...]
    count: int
    titles: tuple[tuple[str, str], ...]
    summary_en: str
    summary_cy: str
    tags: tuple[str, ...]
    goals: tuple[int, ...]
    services: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


THEMES = [
    # Councils
    Theme(
        key="recycling-centre-booking",
        owners=("council",),
        count=7,
        titles=(
            ("Booking a recycling centre slot", "Archebu slot mewn canolfan ailgylchu"),
            (
                "Book a time at the household recycling centre",
                "Archebu amser yn y ganolfan ailgylchu gwastraff cartref",
            ),
            ("Recycling centre bookings", "Archebion canolfannau ailgylchu"),
        ),
        summary_en=(
            "Residents book a time to visit the household recycling centre online, so that queues at "
            "weekends are shorter. Staff see the bookings on a tablet at the gate."
        ),
        summary_cy=(
            "Mae trigolion yn archebu amser ar-lein i ymweld â'r ganolfan ailgylchu gwastraff cartref, fel "
            "bod llai o giwiau ar benwythnosau. Mae'r staff yn gweld yr archebion ar lechen wrth y giât."
        ),
        tags=("booking", "waste"),
        goals=(2,),
        services=("Recycling sites", "Household waste disposal sites"),
    ),
    Theme(
        key="school-admissions",
        owners=("council",),
        count=6,
        titles=(
            ("School admissions online", "Derbyn i ysgolion ar-lein"),
            ("Applying for a school place", "Gwneud cais am le mewn ysgol"),
            ("New school admissions system", "System newydd ar gyfer derbyn i ysgolion"),
        ),
        summary_en=(
            "Parents apply for a nursery, primary or secondary school place online and can see where their "
            "application is. Offers go out by email on national offer day."
        ),
        summary_cy=(
            "Mae rhieni'n gwneud cais am le mewn ysgol feithrin, gynradd neu uwchradd ar-lein ac yn gallu "
            "gweld ble mae eu cais. Anfonir cynigion drwy e-bost ar y diwrnod cynnig cenedlaethol."
        ),
        tags=("education", "forms"),
        goals=(4,),
        services=("Primary school places", "Secondary school places", "School admission"),
    ),
    Theme(
        key="adult-social-care-front-door",
        owners=("council",),
        count=6,
        titles=(
            ("Adult social care front door", "Drws ffrynt gofal cymdeithasol i oedolion"),
            ("One way in to adult social care", "Un ffordd i mewn i ofal cymdeithasol i oedolion"),
        ),
        summary_en=(
            "People who need care and support, and the people who care for them, ask for help in one place "
            "and hear back within two working days."
        ),
        summary_cy=(
            "Mae pobl sydd angen gofal a chymorth, a'r bobl sy'n gofalu amdanynt, yn gofyn am help mewn un "
            "lle ac yn cael ateb o fewn dau ddiwrnod gwaith."
        ),
        tags=("social care", "front door"),
        goals=(3, 4),
        services=("Care needs assessment", "Adult carers"),
        partners=("health_board",),
    ),
    Theme(
        key="blue-badge",
        owners=("council",),
        count=6,
        titles=(
            ("Blue badge applications online", "Gwneud cais am fathodyn glas ar-lein"),
            ("Renewing a blue badge", "Adnewyddu bathodyn glas"),
        ),
        summary_en=(
            "Disabled people apply for or renew a blue badge online, upload their evidence once, and get a "
            "decision sooner."
        ),
        summary_cy=(
            "Mae pobl anabl yn gwneud cais am fathodyn glas neu'n ei adnewyddu ar-lein, yn llwytho eu "
            "tystiolaeth unwaith, ac yn cael penderfyniad yn gynt."
        ),
        tags=("parking", "accessibility", "forms"),
        goals=(4,),
        services=("Disabled people - parking permits",),
    ),
    Theme(
        key="council-tax-single-person-discount",
        owners=("council",),
        count=6,
        titles=(
            ("Council tax single person discount", "Gostyngiad person sengl y dreth gyngor"),
            ("Claiming the single person discount online", "Hawlio'r gostyngiad person sengl ar-lein"),
        ),
        summary_en=(
            "Residents who live alone claim the 25% discount online, and we check claims against other "
            "records instead of asking for paper evidence."
        ),
        summary_cy=(
            "Mae trigolion sy'n byw ar eu pen eu hunain yn hawlio'r gostyngiad o 25% ar-lein, ac rydym yn "
            "gwirio hawliadau yn erbyn cofnodion eraill yn lle gofyn am dystiolaeth bapur."
        ),
        tags=("council tax", "data matching"),
        goals=(1,),
        services=("Council tax discount",),
    ),
    Theme(
        key="planning-application-tracker",
        owners=("council",),
        count=6,
        titles=(
            ("Planning application tracker", "Traciwr ceisiadau cynllunio"),
            ("Track your planning application", "Dilyn hynt eich cais cynllunio"),
        ),
        summary_en=(
            "Applicants and neighbours see where a planning application is, what happens next and when a "
            "decision is due, without phoning the planning team."
        ),
        summary_cy=(
            "Mae ymgeiswyr a chymdogion yn gweld ble mae cais cynllunio, beth sy'n digwydd nesaf a phryd y "
            "disgwylir penderfyniad, heb ffonio'r tîm cynllunio."
        ),
        tags=("planning", "transparency"),
        goals=(1, 5),
        services=("Residential planning applications", "Full planning applications"),
    ),
    Theme(
        key="library-ebooks",
        owners=("council",),
        count=5,
        titles=(
            ("Library e-books and e-audiobooks", "E-lyfrau a llyfrau llafar y llyfrgell"),
            ("More e-books for library members", "Mwy o e-lyfrau i aelodau'r llyfrgell"),
        ),
        summary_en=(
            "Library members borrow e-books, audiobooks and e-magazines in Welsh and English from one app, "
            "with their library card."
        ),
        summary_cy=(
            "Mae aelodau'r llyfrgell yn benthyg e-lyfrau, llyfrau llafar ac e-gylchgronau yn Gymraeg ac yn "
            "Saesneg o un ap, gyda'u cerdyn llyfrgell."
        ),
        tags=("libraries", "welsh language"),
        goals=(6,),
        services=("Joining a library", "Library loan renewals"),
    ),
    Theme(
        key="bilingual-chatbot",
        owners=("council",),
        count=5,
        titles=(
            ("Bilingual chatbot for council enquiries", "Sgwrsfot dwyieithog ar gyfer ymholiadau'r cyngor"),
            ("Welsh and English web chat assistant", "Cynorthwyydd sgwrsio ar y we yn Gymraeg ac yn Saesneg"),
        ),
        summary_en=(
            "A chatbot answers common questions about bins, council tax and school holidays in Welsh or "
            "English, and hands over to a person when it cannot help."
        ),
        summary_cy=(
            "Mae sgwrsfot yn ateb cwestiynau cyffredin am finiau, y dreth gyngor a gwyliau ysgol yn Gymraeg "
            "neu'n Saesneg, ac yn trosglwyddo i berson pan na all helpu."
        ),
        tags=("chatbot", "welsh language", "ai"),
        goals=(6,),
    ),
    Theme(
        key="social-care-data-platform",
        owners=("council",),
        count=4,
        titles=(
            ("Data platform for social care", "Platfform data ar gyfer gofal cymdeithasol"),
            ("Joining up social care data", "Cydgysylltu data gofal cymdeithasol"),
        ),
        summary_en=(
            "We bring social care case data together in one secure platform, so that managers see demand, "
            "waiting lists and outcomes every week rather than every quarter."
        ),
        summary_cy=(
            "Rydym yn dod â data achosion gofal cymdeithasol at ei gilydd mewn un platfform diogel, fel bod "
            "rheolwyr yn gweld y galw, rhestrau aros a chanlyniadau bob wythnos yn hytrach na bob chwarter."
        ),
        tags=("data", "social care"),
        goals=(3,),
        partners=("health_board",),
    ),
    Theme(
        key="digital-inclusion-lending",
        owners=("council",),
        count=6,
        titles=(
            ("Digital inclusion lending scheme", "Cynllun benthyg dyfeisiau ar gyfer cynhwysiant digidol"),
            ("Lending tablets and data to residents", "Benthyg llechi a data i drigolion"),
        ),
        summary_en=(
            "Residents without a device borrow a tablet with free data from their library for three months, "
            "with help from digital champions to get started."
        ),
        summary_cy=(
            "Mae trigolion heb ddyfais yn benthyg llechen gyda data am ddim o'u llyfrgell am dri mis, gyda "
            "help gan hyrwyddwyr digidol i ddechrau arni."
        ),
        tags=("digital inclusion", "libraries"),
        goals=(4, 5),
        services=("Library computers and the internet",),
    ),
    Theme(
        key="garden-waste-subscriptions",
        owners=("council",),
        count=5,
        titles=(
            ("Garden waste subscriptions", "Tanysgrifiadau gwastraff gardd"),
            ("Paying for garden waste collections online", "Talu am gasgliadau gwastraff gardd ar-lein"),
        ),
        summary_en=(
            "Households sign up and pay online for fortnightly garden waste collections, and get their bin "
            "sticker by post."
        ),
        summary_cy=(
            "Mae aelwydydd yn cofrestru ac yn talu ar-lein am gasgliadau gwastraff gardd bob pythefnos, ac "
            "yn cael sticer eu bin drwy'r post."
        ),
        tags=("payments", "waste"),
        goals=(2,),
        services=("Household garden waste",),
    ),
    Theme(
        key="missed-bin-reporting",
        owners=("council",),
        count=6,
        titles=(
            ("Reporting a missed bin", "Rhoi gwybod am fin heb ei gasglu"),
            ("Missed collections reported online", "Rhoi gwybod ar-lein am gasgliadau a fethwyd"),
        ),
        summary_en=(
            "Residents report a missed bin online and see straight away whether the crew has already "
            "reported a problem on their street."
        ),
        summary_cy=(
            "Mae trigolion yn rhoi gwybod ar-lein am fin heb ei gasglu ac yn gweld ar unwaith a yw'r criw "
            "eisoes wedi nodi problem ar eu stryd."
        ),
        tags=("waste", "reporting"),
        goals=(2,),
        services=("Household waste collection",),
    ),
    Theme(
        key="pothole-reporting",
        owners=("council",),
        count=5,
        titles=(
            ("Reporting potholes and road defects", "Rhoi gwybod am dyllau yn y ffordd"),
            ("Report a pothole", "Rhoi gwybod am dwll yn y ffordd"),
        ),
        summary_en=(
            "People report a pothole with a photo and a pin on a map, and get a message when it has been "
            "inspected and when it is fixed."
        ),
        summary_cy=(
            "Mae pobl yn rhoi gwybod am dwll yn y ffordd gyda llun a phin ar fap, ac yn cael neges pan fydd "
            "wedi'i archwilio a phan fydd wedi'i drwsio."
        ),
        tags=("highways", "reporting", "maps"),
        goals=(2,),
        services=("Pavement maintenance",),
    ),
    Theme(
        key="fly-tipping-reporting",
        owners=("council",),
        count=4,
        titles=(
            ("Reporting fly-tipping", "Rhoi gwybod am dipio anghyfreithlon"),
            ("Fly-tipping reports with photos", "Adroddiadau tipio anghyfreithlon gyda lluniau"),
        ),
        summary_en=(
            "Residents report fly-tipping with photos and a location, and enforcement officers get the "
            "report on their phones."
        ),
        summary_cy=(
            "Mae trigolion yn rhoi gwybod am dipio anghyfreithlon gyda lluniau a lleoliad, ac mae swyddogion"
            " gorfodi yn cael yr adroddiad ar eu ffonau."
        ),
        tags=("reporting", "environment"),
        goals=(2,),
        services=("Flytipping",),
    ),
    Theme(
        key="housing-register",
        owners=("council",),
        count=5,
        titles=(
            ("Applying to the housing register", "Gwneud cais i'r gofrestr tai"),
            ("Common housing register", "Cofrestr tai gyffredin"),
        ),
        summary_en=(
            "People apply once for social housing from the council and housing associations, and can see "
            "their band and where they are on the list."
        ),
        summary_cy=(
            "Mae pobl yn gwneud un cais am dai cymdeithasol gan y cyngor a chymdeithasau tai, ac yn gallu "
            "gweld eu band a ble maen nhw ar y rhestr."
        ),
        tags=("housing", "forms"),
        goals=(4,),
        services=("Housing - allocations", "Registering for a council property"),
    ),
    Theme(
        key="homelessness-prevention",
        owners=("council",),
        count=4,
        titles=(
            ("Homelessness prevention referrals", "Atgyfeiriadau atal digartrefedd"),
            (
                "Early help for people at risk of losing their home",
                "Help cynnar i bobl sydd mewn perygl o golli eu cartref",
            ),
        ),
        summary_en=(
            "Landlords, health visitors and advice services refer people at risk of homelessness through one"
            " online form, so that help starts before a crisis."
        ),
        summary_cy=(
            "Mae landlordiaid, ymwelwyr iechyd a gwasanaethau cyngor yn atgyfeirio pobl sydd mewn perygl o "
            "fod yn ddigartref drwy un ffurflen ar-lein, fel bod help yn dechrau cyn argyfwng."
        ),
        tags=("housing", "referrals"),
        goals=(4, 3),
        services=("Homelessness support",),
        partners=("health_board", "council"),
    ),
    Theme(
        key="free-school-meals",
        owners=("council",),
        count=6,
        titles=(
            ("Free school meals and school essentials grant", "Prydau ysgol am ddim a grant hanfodion ysgol"),
            ("Automatic free school meals", "Prydau ysgol am ddim yn awtomatig"),
        ),
        summary_en=(
            "Families apply once for free school meals and the school essentials grant, and we use benefits "
            "data to award them automatically where we can."
        ),
        summary_cy=(
            "Mae teuluoedd yn gwneud un cais am brydau ysgol am ddim a'r grant hanfodion ysgol, ac rydym yn "
            "defnyddio data budd-daliadau i'w dyfarnu'n awtomatig lle gallwn."
        ),
        tags=("education", "benefits", "data matching"),
        goals=(4,),
        services=("Free school meals", "School clothing grants"),
    ),
    Theme(
        key="school-transport",
        owners=("council",),
        count=4,
        titles=(
            ("School transport applications", "Ceisiadau cludiant ysgol"),
            ("Applying for free school transport", "Gwneud cais am gludiant ysgol am ddim"),
        ),
        summary_en=(
            "Parents check whether their child can get free school transport and apply online; route "
            "planners see the applications on a map."
        ),
        summary_cy=(
            "Mae rhieni'n gwirio a all eu plentyn gael cludiant ysgol am ddim ac yn gwneud cais ar-lein; mae"
            " cynllunwyr llwybrau yn gweld y ceisiadau ar fap."
        ),
        tags=("education", "transport", "maps"),
        goals=(4,),
        services=("School transport",),
    ),
    Theme(
        key="residents-parking-permits",
        owners=("council",),
        count=4,
        titles=(
            ("Residents' parking permits online", "Trwyddedau parcio i breswylwyr ar-lein"),
            ("Virtual parking permits", "Trwyddedau parcio rhithwir"),
        ),
        summary_en=(
            "Residents and their visitors get virtual parking permits linked to number plates, so there are "
            "no paper permits to lose."
        ),
        summary_cy=(
            "Mae preswylwyr a'u hymwelwyr yn cael trwyddedau parcio rhithwir sy'n gysylltiedig â rhifau "
            "cofrestru, felly does dim trwyddedau papur i'w colli."
        ),
        tags=("parking", "payments"),
        goals=(2,),
        services=("Parking permits",),
    ),
    Theme(
        key="registrar-appointments",
        owners=("council",),
        count=4,
        titles=(
            ("Booking a registrar appointment", "Trefnu apwyntiad gyda'r cofrestrydd"),
            (
                "Online booking for births, deaths and marriages",
                "Trefnu apwyntiadau genedigaethau, marwolaethau a phriodasau ar-lein",
            ),
        ),
        summary_en=(
            "People book appointments to register a birth or a death, or to give notice of marriage, and can"
            " choose a Welsh-speaking registrar."
        ),
        summary_cy=(
            "Mae pobl yn trefnu apwyntiadau i gofrestru genedigaeth neu farwolaeth, neu i roi hysbysiad o "
            "briodas, ac yn gallu dewis cofrestrydd sy'n siarad Cymraeg."
        ),
        tags=("booking", "welsh language"),
        goals=(6,),
        services=("Birth registration", "Death registration", "Notice of marriage"),
    ),
    Theme(
        key="council-website",
        owners=("council",),
        count=5,
        titles=(
            ("New bilingual council website", "Gwefan ddwyieithog newydd i'r cyngor"),
            (
                "Rebuilding the council website around user needs",
                "Ailadeiladu gwefan y cyngor o gwmpas anghenion defnyddwyr",
            ),
        ),
        summary_en=(
            "We are replacing 4,000 pages with fewer, clearer pages based on what residents search for, in "
            "Welsh and English from day one."
        ),
        summary_cy=(
            "Rydym yn disodli 4,000 o dudalennau gyda llai o dudalennau cliriach, ar sail yr hyn mae "
            "trigolion yn chwilio amdano, yn Gymraeg ac yn Saesneg o'r diwrnod cyntaf."
        ),
        tags=("website", "welsh language", "content design"),
        goals=(6,),
    ),
    Theme(
        key="resident-account",
        owners=("council",),
        count=4,
        titles=(
            ("Resident account (My Account)", "Cyfrif preswylydd (Fy Nghyfrif)"),
            ("One login for council services", "Un mewngofnod ar gyfer gwasanaethau'r cyngor"),
        ),
        summary_en=(
            "Residents sign in once to see their council tax, bin days and requests, instead of creating a "
            "new login for each service."
        ),
        summary_cy=(
            "Mae trigolion yn mewngofnodi unwaith i weld eu treth gyngor, eu diwrnodau biniau a'u ceisiadau,"
            " yn lle creu cyfrif newydd ar gyfer pob gwasanaeth."
        ),
        tags=("accounts", "identity"),
        goals=(1,),
        services=("Council tax account enquiries",),
    ),
    Theme(
        key="care-home-vacancies",
        owners=("council",),
        count=4,
        titles=(
            ("Care home vacancy finder", "Chwilio am leoedd gwag mewn cartrefi gofal"),
            ("Live care home vacancies", "Lleoedd gwag mewn cartrefi gofal heddiw"),
        ),
        summary_en=(
            "Social workers and families see which care homes have vacancies today, kept up to date by the "
            "homes themselves."
        ),
        summary_cy=(
            "Mae gweithwyr cymdeithasol a theuluoedd yn gweld pa gartrefi gofal sydd â lleoedd gwag heddiw, "
            "wedi'u diweddaru gan y cartrefi eu hunain."
        ),
        tags=("social care", "data"),
        goals=(3,),
        services=("Adult residential care",),
        partners=("health_board", "council"),
    ),
    Theme(
        key="direct-payments-cards",
        owners=("council",),
        count=3,
        titles=(("Direct payments with prepaid cards", "Taliadau uniongyrchol gyda chardiau rhagdaledig"),),
        summary_en=(
            "People who arrange their own care receive direct payments on a prepaid card and can see their "
            "balance online, with less paperwork for them and for us."
        ),
        summary_cy=(
            "Mae pobl sy'n trefnu eu gofal eu hunain yn cael taliadau uniongyrchol ar gerdyn rhagdaledig ac "
            "yn gallu gweld eu balans ar-lein, gyda llai o waith papur iddyn nhw ac i ninnau."
        ),
        tags=("social care", "payments"),
        goals=(3, 4),
        services=("Direct payments",),
    ),
    Theme(
        key="foster-carer-enquiries",
        owners=("council",),
        count=3,
        titles=(
            ("Becoming a foster carer: online enquiries", "Dod yn ofalwr maeth: ymholiadau ar-lein"),
            ("Foster carer recruitment", "Recriwtio gofalwyr maeth"),
        ),
        summary_en=(
            "People interested in fostering ask questions and book an information session online, and a "
            "social worker calls them back within a week."
        ),
        summary_cy=(
            "Mae pobl sydd â diddordeb mewn maethu yn gofyn cwestiynau ac yn trefnu sesiwn wybodaeth "
            "ar-lein, ac mae gweithiwr cymdeithasol yn eu ffonio'n ôl o fewn wythnos."
        ),
        tags=("social care", "recruitment"),
        goals=(4,),
        services=("Fostering",),
    ),
    Theme(
        key="leisure-booking",
        owners=("council",),
        count=3,
        titles=(
            ("Leisure centre class booking", "Archebu dosbarthiadau canolfan hamdden"),
            ("Booking swimming lessons online", "Archebu gwersi nofio ar-lein"),
        ),
        summary_en=(
            "People book swimming lessons and gym classes online, and join a waiting list when a class is "
            "full."
        ),
        summary_cy=(
            "Mae pobl yn archebu gwersi nofio a dosbarthiadau campfa ar-lein, ac yn ymuno â rhestr aros pan "
            "fydd dosbarth yn llawn."
        ),
        tags=("booking", "leisure"),
        goals=(3,),
        services=("Leisure passes", "Swimming pools"),
    ),
    Theme(
        key="electoral-canvass",
        owners=("council",),
        count=3,
        titles=(("Annual electoral canvass online", "Canfasio etholiadol blynyddol ar-lein"),),
        summary_en=(
            "Households confirm their details for the electoral register online or by text message, so that "
            "fewer canvassers need to knock on doors."
        ),
        summary_cy=(
            "Mae aelwydydd yn cadarnhau eu manylion ar gyfer y gofrestr etholiadol ar-lein neu drwy neges "
            "destun, fel bod angen llai o ganfaswyr i guro ar ddrysau."
        ),
        tags=("elections", "forms"),
        goals=(5,),
        services=("Electoral register",),
    ),
    Theme(
        key="cashless-school-payments",
        owners=("council",),
        count=3,
        titles=(("Cashless school payments", "Taliadau ysgol heb arian parod"),),
        summary_en=(
            "Parents pay for school meals, trips and clubs online from one account, and schools spend less "
            "time handling cash."
        ),
        summary_cy=(
            "Mae rhieni'n talu am brydau ysgol, tripiau a chlybiau ar-lein o un cyfrif, ac mae ysgolion yn "
            "treulio llai o amser yn trin arian parod."
        ),
        tags=("education", "payments"),
        goals=(1,),
    ),
    Theme(
        key="welsh-active-offer-forms",
        owners=("council",),
        count=4,
        titles=(
            (
                "Active offer of Welsh in online forms",
                "Cynnig rhagweithiol y Gymraeg mewn ffurflenni ar-lein",
            ),
            ("Language choice in every online form", "Dewis iaith ym mhob ffurflen ar-lein"),
        ),
        summary_en=(
            "Every online form starts by asking which language people want, remembers the answer, and sends "
            "letters and emails in that language."
        ),
        summary_cy=(
            "Mae pob ffurflen ar-lein yn dechrau drwy ofyn pa iaith mae pobl am ei defnyddio, yn cofio'r "
            "ateb, ac yn anfon llythyrau a negeseuon e-bost yn yr iaith honno."
        ),
        tags=("welsh language", "forms"),
        goals=(6,),
    ),
    Theme(
        key="business-grants-portal",
        owners=("council",),
        count=3,
        titles=(
            ("Business support grants portal", "Porth grantiau cymorth i fusnesau"),
            ("Rate relief and grants for small businesses", "Rhyddhad ardrethi a grantiau i fusnesau bach"),
        ),
        summary_en=(
            "Small businesses apply for rate relief and local grants in one place, and we fill in what we "
            "already know from their business rates account."
        ),
        summary_cy=(
            "Mae busnesau bach yn gwneud cais am ryddhad ardrethi a grantiau lleol mewn un lle, ac rydym yn "
            "llenwi'r hyn rydym eisoes yn ei wybod o'u cyfrif ardrethi busnes."
        ),
        tags=("business", "grants", "forms"),
        goals=(1,),
        services=("Business rate relief",),
    ),
    Theme(
        key="taxi-licensing",
        owners=("council",),
        count=3,
        titles=(
            ("Taxi and private hire licensing online", "Trwyddedu tacsis a cherbydau hurio preifat ar-lein"),
        ),
        summary_en=(
            "Drivers and operators apply for and renew their licences online and upload documents, instead "
            "of visiting the civic centre."
        ),
        summary_cy=(
            "Mae gyrwyr a gweithredwyr yn gwneud cais am drwyddedau ac yn eu hadnewyddu ar-lein, gan lwytho "
            "dogfennau i fyny, yn lle ymweld â'r ganolfan ddinesig."
        ),
        tags=("licensing", "forms"),
        goals=(1,),
        services=("Hackney carriage", "Private hire drivers licence"),
    ),
    Theme(
        key="damp-sensors",
        owners=("council",),
        count=4,
        titles=(
            (
                "Sensors in council homes to spot damp and mould",
                "Synwyryddion mewn tai cyngor i ganfod lleithder a llwydni",
            ),
            ("Damp and mould early warning", "Rhybudd cynnar am leithder a llwydni"),
        ),
        summary_en=(
            "Small sensors in council homes warn us early about damp and mould, so that we can fix problems "
            "before tenants' health suffers."
        ),
        summary_cy=(
            "Mae synwyryddion bach mewn tai cyngor yn ein rhybuddio'n gynnar am leithder a llwydni, fel y "
            "gallwn ddatrys problemau cyn i iechyd tenantiaid ddioddef."
        ),
        tags=("housing", "sensors", "data"),
        goals=(3, 2),
        services=("Housing repairs",),
    ),
    Theme(
        key="ev-charge-points",
        owners=("council",),
        count=3,
        titles=(("Finding electric vehicle charge points", "Dod o hyd i bwyntiau gwefru cerbydau trydan"),),
        summary_en=(
            "An open map of the council's charge points shows which are working and free, using live data "
            "from the chargers."
        ),
        summary_cy=(
            "Mae map agored o bwyntiau gwefru'r cyngor yn dangos pa rai sy'n gweithio ac yn rhydd, gan "
            "ddefnyddio data byw o'r gwefrwyr."
        ),
        tags=("open data", "maps", "net zero"),
        goals=(2, 7),
    ),
    Theme(
        key="meeting-webcasts",
        owners=("council",),
        count=3,
        titles=(
            ("Bilingual webcasting of council meetings", "Gwe-ddarlledu cyfarfodydd y cyngor yn ddwyieithog"),
        ),
        summary_en=(
            "Council and committee meetings are streamed live with simultaneous translation, and kept online"
            " with captions that people can search."
        ),
        summary_cy=(
            "Mae cyfarfodydd y cyngor a'i bwyllgorau yn cael eu ffrydio'n fyw gyda chyfieithu ar y pryd, ac "
            "yn cael eu cadw ar-lein gydag is-deitlau y gall pobl chwilio drwyddynt."
        ),
        tags=("democracy", "welsh language", "video"),
        goals=(5, 6),
        services=("Civic meetings",),
    ),
    # Health and care
    Theme(
        key="outpatient-letters-by-text",
        owners=("health_board",),
        count=7,
        titles=(
            ("Outpatient letters by text", "Llythyrau cleifion allanol drwy neges destun"),
            (
                "Appointment reminders by text and email",
                "Nodiadau atgoffa am apwyntiadau drwy neges destun ac e-bost",
            ),
            ("Digital outpatient letters", "Llythyrau digidol i gleifion allanol"),
        ),
        summary_en=(
            "Patients get their outpatient appointment letters and reminders by text, with a link to "
            "confirm, cancel or rebook, so that fewer appointments are missed."
        ),
        summary_cy=(
            "Mae cleifion yn cael eu llythyrau apwyntiad cleifion allanol a nodiadau atgoffa drwy neges "
            "destun, gyda dolen i gadarnhau, canslo neu aildrefnu, fel bod llai o apwyntiadau'n cael eu "
            "colli."
        ),
        tags=("appointments", "notifications"),
        goals=(3,),
    ),
    Theme(
        key="patient-initiated-follow-up",
        owners=("health_board",),
        count=5,
        titles=(("Patient-initiated follow-up", "Apwyntiadau dilynol ar gais y claf"),),
        summary_en=(
            "Patients with long-term conditions ask for a follow-up appointment when they need one, instead "
            "of coming back at fixed times."
        ),
        summary_cy=(
            "Mae cleifion â chyflyrau hirdymor yn gofyn am apwyntiad dilynol pan fydd ei angen arnynt, yn "
            "lle dod yn ôl ar adegau penodol."
        ),
        tags=("appointments", "outpatients"),
        goals=(3,),
    ),
    Theme(
        key="waiting-list-validation",
        owners=("health_board",),
        count=5,
        titles=(
            ("Waiting list validation by text", "Dilysu rhestrau aros drwy neges destun"),
            ("Checking in with people on waiting lists", "Cadw mewn cysylltiad â phobl ar restrau aros"),
        ),
        summary_en=(
            "We ask people on waiting lists by text whether they still need their appointment, and offer "
            "support while they wait."
        ),
        summary_cy=(
            "Rydym yn gofyn i bobl ar restrau aros drwy neges destun a oes angen eu hapwyntiad arnynt o hyd,"
            " ac yn cynnig cymorth tra byddant yn aros."
        ),
        tags=("waiting lists", "notifications"),
        goals=(3,),
    ),
    Theme(
        key="hospital-e-prescribing",
        owners=("nhs",),
        count=5,
        titles=(
            ("Electronic prescribing in hospitals", "Rhagnodi electronig mewn ysbytai"),
            ("Replacing paper drug charts", "Disodli siartiau meddyginiaeth papur"),
        ),
        summary_en=(
            "Ward staff prescribe and record medicines electronically instead of on paper charts, which cuts"
            " errors and saves time on ward rounds."
        ),
        summary_cy=(
            "Mae staff y wardiau yn rhagnodi ac yn cofnodi meddyginiaethau yn electronig yn lle ar siartiau "
            "papur, sy'n lleihau camgymeriadau ac yn arbed amser ar rowndiau'r ward."
        ),
        tags=("medicines", "clinical systems"),
        goals=(3,),
    ),
    Theme(
        key="virtual-wards",
        owners=("health_board",),
        count=5,
        titles=(
            ("Virtual wards for frail older people", "Wardiau rhithwir i bobl hŷn eiddil"),
            ("Hospital care at home", "Gofal ysbyty yn y cartref"),
        ),
        summary_en=(
            "Older people are cared for at home with remote monitoring and daily calls from a team, instead "
            "of staying in hospital."
        ),
        summary_cy=(
            "Mae pobl hŷn yn cael gofal gartref gyda monitro o bell a galwadau dyddiol gan dîm, yn lle aros "
            "yn yr ysbyty."
        ),
        tags=("remote monitoring", "care at home"),
        goals=(3,),
        partners=("council",),
    ),
    Theme(
        key="clinic-letters-speech-recognition",
        owners=("health_board",),
        count=4,
        titles=(("Clinic letters with speech recognition", "Llythyrau clinig gydag adnabod lleferydd"),),
        summary_en=(
            "Clinicians dictate clinic letters using speech recognition, so that letters reach GPs and "
            "patients in days rather than weeks."
        ),
        summary_cy=(
            "Mae clinigwyr yn arddweud llythyrau clinig gan ddefnyddio adnabod lleferydd, fel bod "
            "llythyrau'n cyrraedd meddygon teulu a chleifion mewn dyddiau yn hytrach nag wythnosau."
        ),
        tags=("ai", "letters"),
        goals=(3,),
    ),
    Theme(
        key="nurse-e-rostering",
        owners=("nhs",),
        count=4,
        titles=(
            ("E-rostering for nurses", "E-rostio ar gyfer nyrsys"),
            ("Shift swaps on staff phones", "Cyfnewid sifftiau ar ffonau staff"),
        ),
        summary_en=(
            "Nurses see their shifts and swap them on their phones, and managers see staffing across the "
            "wards in real time."
        ),
        summary_cy=(
            "Mae nyrsys yn gweld eu sifftiau ac yn eu cyfnewid ar eu ffonau, ac mae rheolwyr yn gweld "
            "lefelau staffio ar draws y wardiau mewn amser real."
        ),
        tags=("workforce", "scheduling"),
        goals=(1,),
    ),
    Theme(
        key="digital-maternity-notes",
        owners=("health_board",),
        count=4,
        titles=(("Digital maternity notes", "Nodiadau mamolaeth digidol"),),
        summary_en=(
            "Pregnant women and midwives share digital maternity notes in an app, in Welsh or English, "
            "instead of carrying a paper folder."
        ),
        summary_cy=(
            "Mae menywod beichiog a bydwragedd yn rhannu nodiadau mamolaeth digidol mewn ap, yn Gymraeg "
            "neu'n Saesneg, yn lle cario ffolder papur."
        ),
        tags=("maternity", "apps", "welsh language"),
        goals=(3, 6),
    ),
    Theme(
        key="mental-health-self-referral",
        owners=("health_board",),
        count=4,
        titles=(("Self-referral to mental health support", "Hunangyfeirio at gymorth iechyd meddwl"),),
        summary_en=(
            "Adults refer themselves online for talking therapies and are offered an appointment without "
            "having to see their GP first."
        ),
        summary_cy=(
            "Mae oedolion yn hunangyfeirio ar-lein at therapïau siarad ac yn cael cynnig apwyntiad heb orfod"
            " gweld eu meddyg teulu yn gyntaf."
        ),
        tags=("mental health", "referrals"),
        goals=(3,),
    ),
    Theme(
        key="hospital-discharge",
        owners=("health_board",),
        count=4,
        titles=(
            ("Hospital discharge with social care", "Rhyddhau o'r ysbyty gyda gofal cymdeithasol"),
            ("Getting people home from hospital sooner", "Helpu pobl i fynd adref o'r ysbyty yn gynt"),
        ),
        summary_en=(
            "Ward staff and council social workers share one view of the patients who are ready to go home, "
            "so that care packages are arranged sooner."
        ),
        summary_cy=(
            "Mae staff y wardiau a gweithwyr cymdeithasol y cyngor yn rhannu un olwg ar gleifion sy'n barod "
            "i fynd adref, fel bod pecynnau gofal yn cael eu trefnu'n gynt."
        ),
        tags=("discharge", "social care", "data"),
        goals=(3,),
        partners=("council",),
    ),
    Theme(
        key="gp-online-requests",
        owners=("health_board",),
        count=3,
        titles=(("Online requests to GP practices", "Ceisiadau ar-lein i feddygfeydd"),),
        summary_en=(
            "Patients ask their GP practice for help online at any time, and the practice triages the "
            "requests during the day."
        ),
        summary_cy=(
            "Mae cleifion yn gofyn i'w meddygfa am help ar-lein unrhyw bryd, ac mae'r feddygfa yn "
            "brysbennu'r ceisiadau yn ystod y dydd."
        ),
        tags=("primary care",),
        goals=(3,),
    ),
    Theme(
        key="patient-information-online",
        owners=("nhs",),
        count=4,
        titles=(
            ("Bilingual patient information online", "Gwybodaeth ddwyieithog i gleifion ar-lein"),
            ("Patient leaflets as web pages", "Taflenni i gleifion fel tudalennau gwe"),
        ),
        summary_en=(
            "Patient information leaflets move from PDFs to clear web pages in Welsh and English that work "
            "on phones and with screen readers."
        ),
        summary_cy=(
            "Mae taflenni gwybodaeth i gleifion yn symud o ffeiliau PDF i dudalennau gwe clir yn Gymraeg ac "
            "yn Saesneg sy'n gweithio ar ffonau a gyda darllenwyr sgrin."
        ),
        tags=("content design", "welsh language", "accessibility"),
        goals=(6, 3),
    ),
    Theme(
        key="ambulance-handover",
        owners=("welsh-ambulance-services-university-nhs-trust", "health_board"),
        count=3,
        titles=(("Ambulance handover times dashboard", "Dangosfwrdd amseroedd trosglwyddo ambiwlansys"),),
        summary_en=(
            "Emergency departments and the ambulance service see handover delays live, so that crews can be "
            "released sooner."
        ),
        summary_cy=(
            "Mae adrannau achosion brys a'r gwasanaeth ambiwlans yn gweld oedi wrth drosglwyddo cleifion yn "
            "fyw, fel bod modd rhyddhau criwiau'n gynt."
        ),
        tags=("dashboards", "urgent care"),
        goals=(3,),
        partners=("nhs",),
    ),
    Theme(
        key="sharing-results-with-patients",
        owners=("velindre-university-nhs-trust", "health_board"),
        count=3,
        titles=(
            ("Sharing cancer test results with patients", "Rhannu canlyniadau profion canser gyda chleifion"),
        ),
        summary_en=(
            "Patients see their test results and treatment plans in a secure app, with an explanation "
            "written for them."
        ),
        summary_cy=(
            "Mae cleifion yn gweld canlyniadau eu profion a'u cynlluniau triniaeth mewn ap diogel, gydag "
            "esboniad wedi'i ysgrifennu ar eu cyfer."
        ),
        tags=("apps", "cancer"),
        goals=(3,),
    ),
    Theme(
        key="vaccination-booking",
        owners=("public-health-wales-nhs-trust", "health_board"),
        count=4,
        titles=(("Booking vaccinations online", "Trefnu brechiadau ar-lein"),),
        summary_en=(
            "People book or change their flu and COVID-19 vaccination appointments online, and health boards"
            " see uptake in each area."
        ),
        summary_cy=(
            "Mae pobl yn trefnu neu'n newid eu hapwyntiadau brechu rhag y ffliw a COVID-19 ar-lein, ac mae "
            "byrddau iechyd yn gweld faint sy'n manteisio ar y cynnig ym mhob ardal."
        ),
        tags=("booking", "vaccination"),
        goals=(3,),
    ),
    Theme(
        key="digital-skills-for-care-staff",
        owners=("health-education-and-improvement-wales", "social-care-wales", "health_board"),
        count=3,
        titles=(("Digital skills for health and care staff", "Sgiliau digidol i staff iechyd a gofal"),),
        summary_en=(
            "Short online modules help health and care staff use digital tools with confidence, with a "
            "self-assessment to find where to start."
        ),
        summary_cy=(
            "Mae modiwlau byr ar-lein yn helpu staff iechyd a gofal i ddefnyddio offer digidol yn hyderus, "
            "gyda hunanasesiad i ddod o hyd i'r man cychwyn."
        ),
        tags=("digital skills", "workforce"),
        goals=(1, 3),
        partners=("council",),
    ),
    Theme(
        key="care-worker-registration",
        owners=("social-care-wales",),
        count=1,
        titles=(
            (
                "Social care worker registration renewals",
                "Adnewyddu cofrestriad gweithwyr gofal cymdeithasol",
            ),
        ),
        summary_en="Care workers renew their registration and record their training online from their phone.",
        summary_cy=(
            "Mae gweithwyr gofal yn adnewyddu eu cofrestriad ac yn cofnodi eu hyfforddiant ar-lein o'u ffôn."
        ),
        tags=("workforce", "social care"),
        goals=(1, 3),
    ),
    # Fire and rescue
    Theme(
        key="home-fire-safety-visits",
        owners=("fire",),
        count=3,
        titles=(
            ("Booking a home fire safety visit", "Trefnu ymweliad diogelwch tân yn y cartref"),
            ("Safe and Well visits online", "Ymweliadau Diogel ac Iach ar-lein"),
        ),
        summary_en=(
            "People book a free Safe and Well visit online for themselves or a relative, and crews see risk "
            "information before they arrive."
        ),
        summary_cy=(
            "Mae pobl yn trefnu ymweliad Diogel ac Iach am ddim ar-lein iddyn nhw eu hunain neu i berthynas,"
            " ac mae criwiau'n gallu gweld gwybodaeth am risg cyn cyrraedd."
        ),
        tags=("booking", "prevention"),
        goals=(3, 5),
        partners=("council", "health_board"),
    ),
    Theme(
        key="fire-incident-open-data",
        owners=("fire",),
        count=2,
        titles=(("Open data on fire incidents", "Data agored am ddigwyddiadau tân"),),
        summary_en=(
            "We publish anonymised incident data every month so that councils and health boards can target "
            "prevention work."
        ),
        summary_cy=(
            "Rydym yn cyhoeddi data dienw am ddigwyddiadau bob mis fel bod cynghorau a byrddau iechyd yn "
            "gallu targedu gwaith atal."
        ),
        tags=("open data", "prevention"),
        goals=(5,),
    ),
    Theme(
        key="fire-mobile-data-terminals",
        owners=("fire",),
        count=3,
        titles=(("Mobile data terminals for fire engines", "Terfynellau data symudol ar gyfer injans tân"),),
        summary_en=(
            "Crews get building plans, hazards and hydrant locations on a tablet in the cab on the way to an"
            " incident."
        ),
        summary_cy=(
            "Mae criwiau'n cael cynlluniau adeiladau, peryglon a lleoliadau hydrantau ar lechen yn y cab ar "
            "y ffordd i ddigwyddiad."
        ),
        tags=("mobile", "maps"),
        goals=(5,),
    ),
    Theme(
        key="on-call-firefighter-recruitment",
        owners=("fire",),
        count=2,
        titles=(("Recruiting on-call firefighters online", "Recriwtio diffoddwyr tân ar alwad ar-lein"),),
        summary_en=(
            "People find out whether they live or work close enough to an on-call station, and apply online."
        ),
        summary_cy=(
            "Mae pobl yn darganfod a ydyn nhw'n byw neu'n gweithio'n ddigon agos at orsaf ar alwad, ac yn "
            "gwneud cais ar-lein."
        ),
        tags=("recruitment",),
        goals=(1, 5),
    ),
    # National parks
    Theme(
        key="park-parking",
        owners=("park",),
        count=3,
        titles=(
            (
                "Pre-booking parking at busy car parks",
                "Archebu lle parcio ymlaen llaw mewn meysydd parcio prysur",
            ),
            ("National park parking permits", "Trwyddedau parcio'r parc cenedlaethol"),
        ),
        summary_en=(
            "Visitors book and pay for parking at the busiest car parks before they travel, and see how many"
            " spaces are free on their phones."
        ),
        summary_cy=(
            "Mae ymwelwyr yn archebu ac yn talu am le parcio yn y meysydd parcio prysuraf cyn teithio, ac yn"
            " gweld faint o leoedd sydd ar gael ar eu ffonau."
        ),
        tags=("parking", "booking", "tourism"),
        goals=(2, 7),
    ),
    Theme(
        key="footpath-reporting",
        owners=("park",),
        count=3,
        titles=(("Reporting problems on public footpaths", "Rhoi gwybod am broblemau ar lwybrau cyhoeddus"),),
        summary_en=(
            "Walkers report a broken stile, a blocked path or a fallen tree with a photo and a location, and"
            " rangers plan repairs from a map."
        ),
        summary_cy=(
            "Mae cerddwyr yn rhoi gwybod am gamfa wedi torri, llwybr wedi'i rwystro neu goeden wedi cwympo "
            "gyda llun a lleoliad, ac mae wardeiniaid yn cynllunio gwaith trwsio o fap."
        ),
        tags=("reporting", "maps"),
        goals=(2,),
        partners=("council",),
    ),
    Theme(
        key="visitor-pressure",
        owners=("park",),
        count=3,
        titles=(("Live visitor pressure information", "Gwybodaeth fyw am brysurdeb i ymwelwyr"),),
        summary_en=(
            "Visitors see how busy popular places are before they set off, with suggestions for quieter "
            "walks nearby."
        ),
        summary_cy=(
            "Mae ymwelwyr yn gweld pa mor brysur yw mannau poblogaidd cyn cychwyn, gydag awgrymiadau ar "
            "gyfer teithiau cerdded tawelach gerllaw."
        ),
        tags=("tourism", "open data"),
        goals=(2, 6),
    ),
    # Welsh Government and its bodies
    Theme(
        key="grants-management",
        owners=("welsh-government",),
        count=1,
        titles=(("Grants management system", "System rheoli grantiau"),),
        summary_en=(
            "One system for applying for, awarding and monitoring Welsh Government grants, in place of "
            "several spreadsheets and shared inboxes."
        ),
        summary_cy=(
            "Un system ar gyfer gwneud cais am grantiau Llywodraeth Cymru, eu dyfarnu a'u monitro, yn lle "
            "sawl taenlen a mewnflwch a rennir."
        ),
        tags=("grants",),
        goals=(1,),
    ),
    Theme(
        key="childcare-offer",
        owners=("welsh-government",),
        count=1,
        titles=(("Childcare Offer for Wales applications", "Ceisiadau Cynnig Gofal Plant Cymru"),),
        summary_en=(
            "Parents apply for funded childcare and providers claim payments in one national digital service."
        ),
        summary_cy=(
            "Mae rhieni'n gwneud cais am ofal plant wedi'i ariannu ac mae darparwyr yn hawlio taliadau mewn "
            "un gwasanaeth digidol cenedlaethol."
        ),
        tags=("childcare", "payments"),
        goals=(1, 4),
        partners=("council",),
    ),
    Theme(
        key="welsh-speech-technology",
        owners=("welsh-government",),
        count=1,
        titles=(
            (
                "Welsh speech recognition for public services",
                "Adnabod lleferydd Cymraeg ar gyfer gwasanaethau cyhoeddus",
            ),
        ),
        summary_en=(
            "We fund open Welsh speech and translation models that any public body can use in chatbots and "
            "phone lines."
        ),
        summary_cy=(
            "Rydym yn ariannu modelau lleferydd a chyfieithu Cymraeg agored y gall unrhyw gorff cyhoeddus eu"
            " defnyddio mewn sgwrsfotiau a llinellau ffôn."
        ),
        tags=("welsh language", "ai"),
        goals=(6,),
    ),
    Theme(
        key="statistics-open-data",
        owners=("welsh-government",),
        count=1,
        titles=(("Publishing statistics as open data", "Cyhoeddi ystadegau fel data agored"),),
        summary_en=(
            "Statistical releases are published as open, machine-readable data with a simple API, in place "
            "of the old StatsWales tables."
        ),
        summary_cy=(
            "Mae datganiadau ystadegol yn cael eu cyhoeddi fel data agored y gall peiriannau ei ddarllen, "
            "gydag API syml, yn lle hen dablau StatsCymru."
        ),
        tags=("open data",),
        goals=(7,),
    ),
    Theme(
        key="cadw-tickets",
        owners=("cadw",),
        count=1,
        titles=(("Booking tickets for Cadw monuments", "Archebu tocynnau ar gyfer henebion Cadw"),),
        summary_en=(
            "Visitors buy timed tickets for castles and abbeys online, and members show a digital membership"
            " card at the gate."
        ),
        summary_cy=(
            "Mae ymwelwyr yn prynu tocynnau wedi'u hamseru ar gyfer cestyll ac abatai ar-lein, ac mae "
            "aelodau'n dangos cerdyn aelodaeth digidol wrth y giât."
        ),
        tags=("booking", "tourism", "heritage"),
        goals=(6,),
    ),
    Theme(
        key="rod-fishing-licence",
        owners=("natural-resources-wales",),
        count=1,
        titles=(("Buying a rod fishing licence online", "Prynu trwydded bysgota â gwialen ar-lein"),),
        summary_en="Anglers buy a rod fishing licence online in a few minutes and show it on their phone.",
        summary_cy=(
            "Mae pysgotwyr yn prynu trwydded bysgota â gwialen ar-lein mewn ychydig funudau ac yn ei dangos "
            "ar eu ffôn."
        ),
        tags=("licensing", "payments"),
        goals=(2,),
    ),
    Theme(
        key="flood-warnings",
        owners=("natural-resources-wales",),
        count=1,
        titles=(("Flood warnings by text", "Rhybuddion llifogydd drwy neges destun"),),
        summary_en=(
            "People sign up for free flood warnings for their address by text, phone call or email, in Welsh"
            " or English."
        ),
        summary_cy=(
            "Mae pobl yn cofrestru i gael rhybuddion llifogydd am ddim ar gyfer eu cyfeiriad drwy neges "
            "destun, galwad ffôn neu e-bost, yn Gymraeg neu'n Saesneg."
        ),
        tags=("notifications", "climate"),
        goals=(2, 7),
        partners=("council",),
    ),
    Theme(
        key="concessionary-travel",
        owners=("transport-for-wales",),
        count=1,
        titles=(("Concessionary travel card renewals", "Adnewyddu cardiau teithio rhatach"),),
        summary_en=(
            "Older and disabled people renew their free bus pass online with a new photo, and the card "
            "arrives by post."
        ),
        summary_cy=(
            "Mae pobl hŷn a phobl anabl yn adnewyddu eu tocyn bws am ddim ar-lein gyda llun newydd, ac mae'r"
            " cerdyn yn cyrraedd drwy'r post."
        ),
        tags=("transport", "accessibility"),
        goals=(4,),
        partners=("council",),
    ),
    Theme(
        key="demand-responsive-bus",
        owners=("transport-for-wales",),
        count=1,
        titles=(("Booking demand-responsive buses", "Archebu bysiau sy'n ymateb i'r galw"),),
        summary_en=(
            "Passengers in rural areas book a seat on a flexible bus in an app or by phone, and the route "
            "changes to pick them up."
        ),
        summary_cy=(
            "Mae teithwyr mewn ardaloedd gwledig yn archebu sedd ar fws hyblyg mewn ap neu dros y ffôn, ac "
            "mae'r llwybr yn newid i'w casglu."
        ),
        tags=("transport", "booking"),
        goals=(2, 4),
        services=("Demand responsive transport",),
        partners=("council",),
    ),
    Theme(
        key="careers-live-chat",
        owners=("careers-wales",),
        count=1,
        titles=(("Live chat with careers advisers", "Sgwrs fyw gyda chynghorwyr gyrfa"),),
        summary_en=(
            "Young people chat with a careers adviser online in Welsh or English, and can book a longer "
            "video session."
        ),
        summary_cy=(
            "Mae pobl ifanc yn sgwrsio â chynghorydd gyrfa ar-lein yn Gymraeg neu'n Saesneg, ac yn gallu "
            "trefnu sesiwn fideo hirach."
        ),
        tags=("chat", "young people"),
        goals=(1, 4),
    ),
    Theme(
        key="arts-funding",
        owners=("arts-council-of-wales",),
        count=1,
        titles=(("Applying for arts funding online", "Gwneud cais am gyllid celfyddydau ar-lein"),),
        summary_en=(
            "Artists and organisations apply for funding through a simpler online form, with guidance in "
            "plain language and an eligibility check first."
        ),
        summary_cy=(
            "Mae artistiaid a sefydliadau yn gwneud cais am gyllid drwy ffurflen ar-lein symlach, gyda "
            "chanllawiau mewn iaith glir a gwiriad cymhwysedd yn gyntaf."
        ),
        tags=("grants", "forms"),
        goals=(6,),
    ),
    Theme(
        key="community-sport-grants",
        owners=("sport-wales",),
        count=1,
        titles=(("Community sport grants online", "Grantiau chwaraeon cymunedol ar-lein"),),
        summary_en=(
            "Clubs apply online for small grants for equipment and coaching, and get a decision within six "
            "weeks."
        ),
        summary_cy=(
            "Mae clybiau'n gwneud cais ar-lein am grantiau bach ar gyfer offer a hyfforddiant, ac yn cael "
            "penderfyniad o fewn chwe wythnos."
        ),
        tags=("grants", "sport"),
        goals=(3, 5),
    ),
    Theme(
        key="digital-exams",
        owners=("qualifications-wales",),
        count=1,
        titles=(("Digital exams pilot", "Cynllun peilot arholiadau digidol"),),
        summary_en=(
            "Learners sit some GCSE assessments on screen, and we test how well on-screen exams work in "
            "schools with poor connectivity."
        ),
        summary_cy=(
            "Mae dysgwyr yn sefyll rhai asesiadau TGAU ar sgrin, ac rydym yn profi pa mor dda mae arholiadau"
            " ar sgrin yn gweithio mewn ysgolion â chysylltedd gwael."
        ),
        tags=("education", "assessment"),
        goals=(4,),
    ),
    Theme(
        key="shared-design-system",
        owners=("centre-for-digital-public-services",),
        count=1,
        titles=(("Shared bilingual design system", "System ddylunio ddwyieithog a rennir"),),
        summary_en=(
            "Reusable bilingual components and patterns for public services in Wales, tested with users and "
            "screen readers."
        ),
        summary_cy=(
            "Cydrannau a phatrymau dwyieithog y gellir eu hailddefnyddio ar gyfer gwasanaethau cyhoeddus yng"
            " Nghymru, wedi'u profi gyda defnyddwyr a darllenwyr sgrin."
        ),
        tags=("design system", "welsh language", "accessibility"),
        goals=(6,),
        partners=("council", "nhs"),
    ),
    Theme(
        key="council-digital-maturity",
        owners=(WLGA_CODE,),
        count=1,
        titles=(
            ("Council digital maturity self-assessment", "Hunanasesiad aeddfedrwydd digidol i gynghorau"),
        ),
        summary_en=(
            "Councils assess their digital maturity once a year with the same questions, so that they can "
            "compare and learn from each other."
        ),
        summary_cy=(
            "Mae cynghorau'n asesu eu haeddfedrwydd digidol unwaith y flwyddyn gyda'r un cwestiynau, fel eu "
            "bod yn gallu cymharu a dysgu oddi wrth ei gilydd."
        ),
        tags=("digital maturity",),
        goals=(1,),
        partners=("council",),
    ),
    # Work that every kind of body does
    Theme(
        key="cloud-migration",
        owners=("any",),
        count=6,
        titles=(
            ("Moving to the cloud", "Symud i'r cwmwl"),
            ("Moving our data centre to the cloud", "Symud ein canolfan ddata i'r cwmwl"),
        ),
        summary_en=(
            "We are moving our servers out of an ageing data centre to cloud hosting, starting with the "
            "systems that are easiest to move."
        ),
        summary_cy=(
            "Rydym yn symud ein gweinyddion allan o hen ganolfan ddata i'r cwmwl, gan ddechrau gyda'r "
            "systemau sydd hawsaf eu symud."
        ),
        tags=("cloud", "infrastructure"),
        goals=(2,),
    ),
    Theme(
        key="cyber-awareness",
        owners=("any",),
        count=5,
        titles=(
            ("Cyber security awareness for staff", "Ymwybyddiaeth seiberddiogelwch i staff"),
            ("Phishing training for staff", "Hyfforddiant gwe-rwydo i staff"),
        ),
        summary_en=(
            "Short, regular phishing simulations and training help staff spot and report suspicious emails."
        ),
        summary_cy=(
            "Mae efelychiadau gwe-rwydo a hyfforddiant byr a rheolaidd yn helpu staff i adnabod ac i roi "
            "gwybod am negeseuon e-bost amheus."
        ),
        tags=("cyber security", "digital skills"),
        goals=(5,),
    ),
    Theme(
        key="paperless-forms",
        owners=("any",),
        count=5,
        titles=(
            ("Replacing paper forms", "Disodli ffurflenni papur"),
            ("Paperless forms", "Ffurflenni heb bapur"),
        ),
        summary_en=(
            "We are finding the paper forms people use most and replacing them with accessible online forms "
            "in both languages."
        ),
        summary_cy=(
            "Rydym yn dod o hyd i'r ffurflenni papur sy'n cael eu defnyddio fwyaf ac yn rhoi ffurflenni "
            "ar-lein hygyrch yn eu lle, yn y ddwy iaith."
        ),
        tags=("forms", "accessibility"),
        goals=(2,),
    ),
    Theme(
        key="ai-meeting-notes",
        owners=("any",),
        count=5,
        titles=(
            (
                "Using generative AI for meeting notes",
                "Defnyddio deallusrwydd artiffisial cynhyrchiol ar gyfer nodiadau cyfarfod",
            ),
            ("AI assistant trial", "Treial cynorthwyydd deallusrwydd artiffisial"),
        ),
        summary_en=(
            "A small trial of AI assistants that draft meeting notes, with rules on what data they may see "
            "and a human check before anything is shared."
        ),
        summary_cy=(
            "Treial bach o gynorthwywyr deallusrwydd artiffisial sy'n drafftio nodiadau cyfarfodydd, gyda "
            "rheolau ar ba ddata y cânt ei weld a gwiriad gan berson cyn rhannu dim."
        ),
        tags=("ai", "productivity"),
        goals=(1,),
    ),
    Theme(
        key="staff-intranet",
        owners=("any",),
        count=4,
        titles=(("New staff intranet", "Mewnrwyd newydd i staff"),),
        summary_en=(
            "One place for staff news, policies and forms, which works on phones for staff who are not at a "
            "desk."
        ),
        summary_cy=(
            "Un lle ar gyfer newyddion, polisïau a ffurflenni staff, sy'n gweithio ar ffonau i staff nad "
            "ydynt wrth ddesg."
        ),
        tags=("intranet", "workforce"),
        goals=(1,),
    ),
    Theme(
        key="website-accessibility",
        owners=("any",),
        count=5,
        titles=(
            ("Fixing accessibility problems on our website", "Datrys problemau hygyrchedd ar ein gwefan"),
            ("Website accessibility audit", "Archwiliad hygyrchedd y wefan"),
        ),
        summary_en=(
            "We audited our website against WCAG 2.2 and are fixing first the problems that block disabled "
            "people."
        ),
        summary_cy=(
            "Rydym wedi archwilio ein gwefan yn erbyn WCAG 2.2 ac yn datrys yn gyntaf y problemau sy'n "
            "rhwystro pobl anabl."
        ),
        tags=("accessibility", "website"),
        goals=(4,),
    ),
    Theme(
        key="online-recruitment",
        owners=("any",),
        count=4,
        titles=(("Online recruitment and onboarding", "Recriwtio a chynefino ar-lein"),),
        summary_en=(
            "Candidates apply in Welsh or English on their phones, and new starters complete their checks "
            "before their first day."
        ),
        summary_cy=(
            "Mae ymgeiswyr yn gwneud cais yn Gymraeg neu'n Saesneg ar eu ffonau, ac mae staff newydd yn "
            "cwblhau eu gwiriadau cyn eu diwrnod cyntaf."
        ),
        tags=("recruitment", "workforce"),
        goals=(1,),
    ),
    Theme(
        key="cloud-contact-centre",
        owners=("any",),
        count=4,
        titles=(
            ("Cloud contact centre", "Canolfan gyswllt yn y cwmwl"),
            ("Replacing our telephone system", "Newid ein system ffôn"),
        ),
        summary_en=(
            "A new cloud contact centre lets callers choose Welsh or English at the start, and gives "
            "advisers the caller's history on one screen."
        ),
        summary_cy=(
            "Mae canolfan gyswllt newydd yn y cwmwl yn gadael i alwyr ddewis Cymraeg neu Saesneg ar y "
            "dechrau, ac yn rhoi hanes y galwr i'r cynghorwyr ar un sgrin."
        ),
        tags=("contact centre", "welsh language"),
        goals=(6,),
    ),
    Theme(
        key="publishing-open-data",
        owners=("any",),
        count=4,
        titles=(("Publishing open data", "Cyhoeddi data agored"),),
        summary_en=(
            "We publish the datasets people ask for most under an open licence, with a named owner for each "
            "one."
        ),
        summary_cy=(
            "Rydym yn cyhoeddi'r setiau data y mae pobl yn gofyn amdanynt fwyaf o dan drwydded agored, gyda "
            "pherchennog wedi'i enwi ar gyfer pob un."
        ),
        tags=("open data", "transparency"),
        goals=(7,),
        services=("Open data publication",),
    ),
]

# A second sentence added to some summaries, so that projects on the same theme read a little differently.
EXTRA_SENTENCES = [
    (
        "We are starting in one area and will roll it out if it works.",
        "Rydym yn dechrau mewn un ardal a byddwn yn ei gyflwyno'n ehangach os yw'n llwyddo.",
    ),
    (
        "We would like to hear from anyone doing something similar.",
        "Hoffem glywed gan unrhyw un sy'n gwneud rhywbeth tebyg.",
    ),
    ("It replaces a paper form and several phone calls.", "Mae'n disodli ffurflen bapur a sawl galwad ffôn."),
    (
        "We are working in the open and share our notes after each sprint.",
        "Rydym yn gweithio'n agored ac yn rhannu ein nodiadau ar ôl pob sbrint.",
    ),
    ("The work is funded for one year.", "Mae'r gwaith wedi'i ariannu am flwyddyn."),
    (
        "We are testing it with the people who will use it, including people who use screen readers.",
        "Rydym yn ei brofi gyda'r bobl a fydd yn ei ddefnyddio, gan gynnwys pobl sy'n defnyddio "
        "darllenwyr sgrin.",
    ),
]

WHAT_HAPPENED = {
    "en": [
        "We ran six interviews with residents and two with front-line staff.",
        "We finished the discovery report and shared it at a show and tell.",
        "We tested a clickable prototype with eight people; most finished the task without help.",
        "The supplier delivered the first release to our test environment.",
        "40% of users now use the new service.",
        "Recruiting a user researcher took longer than planned.",
        "The Welsh translation of the content is done and has been checked by our translation team.",
        "We agreed data sharing terms with our partners.",
        "The accessibility audit found twelve problems; nine are fixed.",
        "We paused the work for two weeks while the team helped with winter pressures.",
        "Use is up by a third since we turned off the old form.",
        "The governance board approved the business case.",
    ],
    "cy": [
        "Cynhaliwyd chwe chyfweliad gyda thrigolion a dau gyda staff rheng flaen.",
        "Gorffennwyd adroddiad y cam darganfod a'i rannu mewn sesiwn dangos a dweud.",
        "Profwyd prototeip gydag wyth o bobl; llwyddodd y rhan fwyaf i gwblhau'r dasg heb help.",
        "Cyflwynodd y cyflenwr y fersiwn gyntaf i'n hamgylchedd profi.",
        "Mae 40% o ddefnyddwyr bellach yn defnyddio'r gwasanaeth newydd.",
        "Cymerodd fwy o amser na'r disgwyl i recriwtio ymchwilydd defnyddwyr.",
        "Mae'r cynnwys wedi'i gyfieithu i'r Gymraeg ac wedi'i wirio gan ein tîm cyfieithu.",
        "Cytunwyd ar delerau rhannu data gyda'n partneriaid.",
        "Daeth yr archwiliad hygyrchedd o hyd i ddeuddeg problem; mae naw wedi'u datrys.",
        "Gohiriwyd y gwaith am bythefnos tra oedd y tîm yn helpu gyda phwysau'r gaeaf.",
        "Mae'r defnydd wedi cynyddu o draean ers i ni ddiffodd yr hen ffurflen.",
        "Cymeradwyodd y bwrdd llywodraethu yr achos busnes.",
    ],
}

WHATS_NEXT = {
    "en": [
        "Test the next version with people who use assistive technology.",
        "Agree the scope of the alpha with the service owner.",
        "Start a private beta in one area.",
        "Turn off the old system at the end of the quarter.",
        "Share what we learnt with others working on the same problem.",
        "Finish the data protection impact assessment.",
        "Recruit a delivery manager.",
        "Publish the service assessment report.",
        "Write a plan for moving to live.",
        "Meet the supplier to agree the next release.",
    ],
    "cy": [
        "Profi'r fersiwn nesaf gyda phobl sy'n defnyddio technoleg gynorthwyol.",
        "Cytuno ar gwmpas y cam alffa gyda pherchennog y gwasanaeth.",
        "Dechrau beta preifat mewn un ardal.",
        "Diffodd yr hen system ar ddiwedd y chwarter.",
        "Rhannu'r hyn a ddysgwyd gydag eraill sy'n gweithio ar yr un broblem.",
        "Cwblhau'r asesiad o'r effaith ar ddiogelu data.",
        "Recriwtio rheolwr cyflawni.",
        "Cyhoeddi adroddiad asesu'r gwasanaeth.",
        "Ysgrifennu cynllun ar gyfer symud i'r cam byw.",
        "Cyfarfod â'r cyflenwr i gytuno ar y fersiwn nesaf.",
    ],
}

STATUS_REASONS = {
    (Status.ON_TRACK, "en"): [
        "",
        "Going to plan.",
        "Delivering to the agreed plan.",
        "On time after the last sprint.",
    ],
    (Status.ON_TRACK, "cy"): [
        "",
        "Yn mynd yn ôl y cynllun.",
        "Yn cyflawni yn ôl y cynllun y cytunwyd arno.",
        "Ar amser ar ôl y sbrint diwethaf.",
    ],
    (Status.AT_RISK, "en"): [
        "Waiting for the supplier to fix a data feed.",
        "Funding after March is not confirmed yet.",
        "We are short of a user researcher.",
        "Linking to the case management system is slower than planned.",
    ],
    (Status.AT_RISK, "cy"): [
        "Aros i'r cyflenwr drwsio ffrwd ddata.",
        "Nid yw'r cyllid ar ôl mis Mawrth wedi'i gadarnhau eto.",
        "Mae angen ymchwilydd defnyddwyr arnom.",
        "Mae'r cysylltu â'r system rheoli achosion yn arafach na'r disgwyl.",
    ],
    (Status.OFF_TRACK, "en"): [
        "The contract was delayed and we have had to re-plan.",
        "Key staff have left and the work is paused.",
        "The pilot showed that the approach does not work; we are rethinking it.",
    ],
    (Status.OFF_TRACK, "cy"): [
        "Cafodd y contract ei ohirio ac mae'n rhaid i ni ailgynllunio.",
        "Mae staff allweddol wedi gadael ac mae'r gwaith wedi'i oedi.",
        "Dangosodd y peilot nad yw'r dull yn gweithio; rydym yn ailfeddwl.",
    ],
}

CONTACT_FIRST_NAMES = [
    "Alaw",
    "Bethan",
    "Cai",
    "Deio",
    "Elin",
    "Gethin",
    "Heledd",
    "Iwan",
    "Lowri",
    "Macsen",
    "Nia",
    "Osian",
    "Rhiannon",
    "Steffan",
    "Tegan",
    "Wyn",
]
# Surnames that say plainly the people are made up: "enghraifft" is Welsh for "example", "ffug" for "fake".
CONTACT_SURNAMES = ["Example", "Enghraifft", "Sampl", "Ffug", "Demo"]
CONTACT_ROLES = [
    ("Product manager", "Rheolwr cynnyrch"),
    ("Service owner", "Perchennog gwasanaeth"),
    ("Delivery manager", "Rheolwr cyflawni"),
    ("Head of digital", "Pennaeth digidol"),
    ("User researcher", "Ymchwilydd defnyddwyr"),
    ("Business analyst", "Dadansoddwr busnes"),
]
LINK_TITLES = [
    ("Project blog", "Blog y prosiect"),
    ("Discovery report", "Adroddiad y cam darganfod"),
    ("Show and tell recording", "Recordiad y sesiwn dangos a dweud"),
    ("Service assessment", "Asesiad y gwasanaeth"),
]

REQUEST_MESSAGES = {
    "en": [
        "We are doing something very similar and would like to compare notes.",
        "Could we join as a partner? We have budget for user research this year.",
        "We would like to reuse your forms rather than build our own.",
    ],
    "cy": [
        "Rydym yn gwneud rhywbeth tebyg iawn a hoffem gymharu nodiadau.",
        "Allen ni ymuno fel partner? Mae gennym gyllideb ar gyfer ymchwil defnyddwyr eleni.",
        "Hoffem ailddefnyddio eich ffurflenni yn hytrach nag adeiladu ein rhai ein hunain.",
    ],
}
REQUEST_REPLIES = {
    CollaborationRequest.State.ACCEPTED: "Yes, welcome aboard. We will add you to our fortnightly call.",
    CollaborationRequest.State.DECLINED: "Thank you for asking. We are near the end of this phase, but let's "
    "talk again in the spring.",
}

PHASE_WEIGHTS = {
    Phase.PRE_DISCOVERY: 8,
    Phase.DISCOVERY: 20,
    Phase.ALPHA: 17,
    Phase.BETA: 18,
    Phase.LIVE: 22,
    Phase.RETIRED: 7,
    Phase.NOT_USING_PHASES: 8,
}
STATUS_WEIGHTS = {Status.ON_TRACK: 65, Status.AT_RISK: 25, Status.OFF_TRACK: 10}
BUDGET_WEIGHTS = {
    BudgetBand.UNKNOWN: 25,
    BudgetBand.UNDER_50K: 25,
    BudgetBand.UP_TO_250K: 25,
    BudgetBand.UP_TO_1M: 15,
    BudgetBand.OVER_1M: 10,
}
COLLABORATION_WEIGHTS = {Collaboration.SHARING: 50, Collaboration.OPEN: 35, Collaboration.FUNDING: 15}
VISIBILITY_WEIGHTS = {Visibility.PUBLIC: 80, Visibility.PUBLIC_SECTOR: 14, Visibility.PRIVATE: 6}


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    """A random span between `low` and `high` days, to the second, so that times do not all line up."""
    return datetime.timedelta(days=rng.randint(low, high), seconds=rng.randint(0, 86_399))


def lead_team_slug(organisation: Organisation) -> str:
    """The leadership team that leads an organisation's projects, by the remits of the four teams."""
    if organisation.kind == OrganisationKind.LOCAL_AUTHORITY or organisation.code == WLGA_CODE:
        return WLGA_TEAM
    if organisation.sector == Sector.HEALTH_AND_CARE:
        return NHS_TEAM
    if organisation.kind == OrganisationKind.WELSH_GOVERNMENT:
        return WG_TEAM
    return CDPS_TEAM


@dataclass
class Directory:
    """What the demo projects are made from, read once from the database."""

    organisations: list[Organisation]
    teams: dict[str, LeadershipTeam]
    items: dict[int, list[int]]
    goals: dict[int, int]
    services: dict[str, list[int]]
    users: list[User]
    users_by_organisation: dict[int, list[User]]
    user_organisation: dict[int, Organisation]

    @classmethod
    def read(cls) -> "Directory":
        organisations = list(Organisation.objects.exclude(kind=OrganisationKind.POLICE).order_by("code"))
        items: dict[int, list[int]] = {}
        for item in ProgrammeItem.objects.select_related("programme").order_by("programme", "number"):
            items.setdefault(item.programme.team_id, []).append(item.pk)
        users = list(User.objects.filter(is_demo=True).order_by("email"))
        users_by_organisation: dict[int, list[User]] = {}
        user_organisation: dict[int, Organisation] = {}
        memberships = OrganisationMembership.objects.filter(user__is_demo=True).select_related(
            "user", "organisation"
        )
        for membership in memberships.order_by("user__email"):
            users_by_organisation.setdefault(membership.organisation_id, []).append(membership.user)
            user_organisation.setdefault(membership.user_id, membership.organisation)
        return cls(
            organisations=organisations,
            teams={team.slug: team for team in LeadershipTeam.objects.all()},
            items=items,
            goals=dict(WellbeingGoal.objects.values_list("number", "pk")),
            services=_services_by_theme(),
            users=users,
            users_by_organisation=users_by_organisation,
            user_organisation=user_organisation,
        )

    def pool(self, names: Iterable[str], *, without: Organisation | None = None) -> list[Organisation]:
        names = set(names)
        kinds = set().union(*(GROUPS.get(name, set()) for name in names))
        return [o for o in self.organisations if (o.kind in kinds or o.code in names) and o != without]

    def lead_team(self, organisation: Organisation) -> LeadershipTeam | None:
        return self.teams.get(lead_team_slug(organisation))


def _services_by_theme() -> dict[str, list[int]]:
    """Council services (LGSL) whose labels match each theme's keywords; empty when none are loaded."""
    services = list(Service.objects.order_by("lgsl_code").values_list("pk", "label"))
    found = {}
    for theme in THEMES:
        keywords = [k.lower() for k in theme.services]
        found[theme.key] = [pk for pk, label in services if any(k in label.lower() for k in keywords)]
    return found


@dataclass
class Planned:
    """One demo project before it is saved, with the rows that hang off it."""

    project: Project
    language: str
    owners: list[User]
    partners: list[int] = field(default_factory=list)
    teams: list[int] = field(default_factory=list)
    items: list[int] = field(default_factory=list)
    goals: list[int] = field(default_factory=list)
    services: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    updates: list[ProjectUpdate] = field(default_factory=list)


class Planner:
    """Draws the demo projects, one theme and owner at a time, from one seeded random generator."""

    def __init__(self, directory: Directory, now: datetime.datetime):
        self.rng = random.Random(SEED)
        self.directory = directory
        self.now = now
        self.user_cycle = cycle(directory.users) if directory.users else None

    def plan(self) -> list[Planned]:
        planned = []
        for theme in THEMES:
            pool = self.directory.pool(theme.owners)
            for organisation in self.rng.sample(pool, min(theme.count, len(pool))):
                planned.append(self.project(theme, organisation))
        return planned

    def project(self, theme: Theme, organisation: Organisation) -> Planned:
        rng = self.rng
        language, texts = self.texts(theme, organisation)
        phase = _pick(rng, PHASE_WEIGHTS)
        created_at, update_times = self.timeline(phase)
        project = Project(
            **texts,
            owner_organisation=organisation,
            phase=phase,
            budget_band=_pick(rng, BUDGET_WEIGHTS),
            collaboration=_pick(rng, COLLABORATION_WEIGHTS),
            visibility=_pick(rng, VISIBILITY_WEIGHTS),
            lead_team=self.directory.lead_team(organisation),
            contacts=self.contacts(language),
            links=self.links(theme, organisation, language),
            is_demo=True,
            created_at=created_at,
            last_update_at=update_times[-1] if update_times else created_at,
        )
        self.dates(project)
        planned = Planned(project=project, language=language, owners=self.owners(organisation))
        self.relations(planned, theme)
        self.updates(planned, update_times)
        return planned

    def texts(self, theme: Theme, organisation: Organisation) -> tuple[str, dict[str, str]]:
        """The title and summary in both languages, or, for about one project in seven, in one only."""
        rng = self.rng
        title_en, title_cy = rng.choice(theme.titles)
        summary_en, summary_cy = theme.summary_en, theme.summary_cy
        if rng.random() < 0.5:
            extra_en, extra_cy = rng.choice(EXTRA_SENTENCES)
            summary_en, summary_cy = f"{summary_en} {extra_en}", f"{summary_cy} {extra_cy}"
        texts = {
            "title_en": title_en,
            "title_cy": title_cy,
            "summary_en": summary_en,
            "summary_cy": summary_cy,
        }
        draw = rng.random()
        if draw < 0.09:
            texts.update(title_cy="", summary_cy="")
            return "en", texts
        if draw < 0.15:
            texts.update(title_en="", summary_en="")
            return "cy", texts
        welsh_first = 0.6 if organisation.code in WELSH_FIRST else 0.15
        return ("cy" if rng.random() < welsh_first else "en"), texts

    def timeline(self, phase: str) -> tuple[datetime.datetime, list[datetime.datetime]]:
        """When the project was added and when its updates came, oldest first. About one project in seven
        that is not retired has had no update for more than 90 days."""
        rng = self.rng
        if phase != Phase.RETIRED and rng.random() < 0.15:
            latest = self.now - _days(rng, 91, 400)
        elif phase == Phase.RETIRED:
            latest = self.now - _days(rng, 20, 360)
        else:
            latest = self.now - _days(rng, 0, 85)
        count = rng.choices([0, 1, 2, 3, 4], weights=[15, 25, 25, 20, 15])[0]
        if not count:
            return latest, []
        times = [latest]
        for _ in range(count - 1):
            times.append(times[-1] - _days(rng, 14, 75))
        return times[-1] - _days(rng, 3, 60), times[::-1]

    def dates(self, project: Project) -> None:
        rng = self.rng
        if project.phase == Phase.PRE_DISCOVERY and rng.random() < 0.5:
            return
        project.started_on = (project.created_at - _days(rng, 0, 120)).date()
        if rng.random() < 0.2:
            return
        if project.phase == Phase.RETIRED:
            project.expected_end_on = project.last_update_at.date() - datetime.timedelta(
                days=rng.randint(0, 30)
            )
        else:
            project.expected_end_on = project.started_on + datetime.timedelta(days=rng.randint(120, 900))

    def owners(self, organisation: Organisation) -> list[User]:
        own = self.directory.users_by_organisation.get(organisation.pk)
        if own:
            return [self.rng.choice(own)]
        return [next(self.user_cycle)] if self.user_cycle else []

    def contacts(self, language: str) -> list[dict[str, str]]:
        rng, contacts = self.rng, []
        for _ in range(rng.randint(1, 2)):
            first, last = rng.choice(CONTACT_FIRST_NAMES), rng.choice(CONTACT_SURNAMES)
            role_en, role_cy = rng.choice(CONTACT_ROLES)
            contacts.append(
                {
                    "name": f"{first} {last}",
                    "role": role_cy if language == "cy" else role_en,
                    "email": f"{slugify(first)}.{slugify(last)}@example.gov.wales",
                }
            )
        return contacts

    def links(self, theme: Theme, organisation: Organisation, language: str) -> list[dict[str, str]]:
        chosen = self.rng.sample(LINK_TITLES, self.rng.choice([0, 1, 1, 2]))
        base = f"https://example.gov.wales/{slugify(organisation.name_en)}/{theme.key}"
        return [
            {"title": cy if language == "cy" else en, "url": f"{base}/{slugify(en)}"} for en, cy in chosen
        ]

    def relations(self, planned: Planned, theme: Theme) -> None:
        rng, directory, project = self.rng, self.directory, planned.project
        owner = project.owner_organisation
        candidates = directory.pool(theme.partners or theme.owners, without=owner)
        partners = rng.sample(candidates, min(len(candidates), rng.choices([0, 1, 2, 3], [45, 30, 17, 8])[0]))
        planned.partners = [p.pk for p in partners]
        planned.teams = self.supporting_teams(project.lead_team, owner, partners)
        lead_items = directory.items.get(project.lead_team_id, []) if project.lead_team else []
        planned.items = rng.sample(lead_items, min(len(lead_items), rng.randint(1, 2)))
        numbers = list(theme.goals[:3])
        if len(numbers) < 3 and rng.random() < 0.4:
            numbers.append(rng.randint(1, 7))
        planned.goals = sorted({directory.goals[n] for n in numbers if n in directory.goals})
        planned.tags = rng.sample(theme.tags, rng.randint(1, min(3, len(theme.tags))))
        if owner.kind == OrganisationKind.LOCAL_AUTHORITY:
            planned.services = self.services(directory.services.get(theme.key, []))

    def supporting_teams(self, lead, owner: Organisation, partners: list[Organisation]) -> list[int]:
        """Partners' own lead teams support the work, and CDPS supports work that crosses sectors."""
        teams = {self.directory.lead_team(p) for p in partners}
        if any(p.sector != owner.sector for p in partners):
            teams.add(self.directory.teams.get(CDPS_TEAM))
        return sorted(t.pk for t in teams if t is not None and t != lead)

    def services(self, matches: list[int]) -> list[int]:
        # The draws do not depend on how many services matched, so the rest of the data stays the same
        # whether or not the service list is loaded.
        draws = [self.rng.random() for _ in range(self.rng.randint(0, 2))]
        return sorted({matches[int(d * len(matches))] for d in draws}) if matches else []

    def updates(self, planned: Planned, times: list[datetime.datetime]) -> None:
        """The project's updates, in its main language; its status is the one its latest update gave."""
        rng, language = self.rng, planned.language
        author = planned.owners[0] if planned.owners else None
        for reported_at in times:
            status = _pick(rng, STATUS_WEIGHTS)
            planned.updates.append(
                ProjectUpdate(
                    author=author,
                    status=status,
                    status_reason=rng.choice(STATUS_REASONS[(status, language)]),
                    what_happened=rng.choice(WHAT_HAPPENED[language]),
                    whats_next="" if rng.random() < 0.15 else rng.choice(WHATS_NEXT[language]),
                    language=language,
                    created_at=reported_at,
                )
            )
        if planned.updates:
            latest = planned.updates[-1]
            status, reason = latest.status, latest.status_reason
        else:
            status = _pick(rng, STATUS_WEIGHTS)
            reason = rng.choice(STATUS_REASONS[(status, language)])
        planned.project.status, planned.project.status_reason = status, reason


def _tags_ensure(names: Iterable[str]) -> dict[str, int]:
    wanted = {slugify(name, allow_unicode=True): name for name in names}
    Tag.objects.bulk_create([Tag(slug=s, name=n) for s, n in wanted.items()], ignore_conflicts=True)
    return dict(Tag.objects.filter(slug__in=wanted).values_list("slug", "pk"))


def _relations_save(planned: list[Planned], tags: dict[str, int]) -> None:
    """The many-to-many rows of the planned projects, written straight to the through tables."""
    relations = [
        (Project.owners.through, "user_id", lambda p: [u.pk for u in p.owners]),
        (Project.partner_organisations.through, "organisation_id", lambda p: p.partners),
        (Project.supporting_teams.through, "leadershipteam_id", lambda p: p.teams),
        (Project.programme_items.through, "programmeitem_id", lambda p: p.items),
        (Project.wellbeing_goals.through, "wellbeinggoal_id", lambda p: p.goals),
        (Project.services.through, "service_id", lambda p: p.services),
        (Project.tags.through, "tag_id", lambda p: [tags[slugify(t, allow_unicode=True)] for t in p.tags]),
    ]
    for through, column, targets in relations:
        rows = [through(project_id=p.project.pk, **{column: pk}) for p in planned for pk in targets(p)]
        through.objects.bulk_create(rows, batch_size=1000)


def _requests_save(
    rng: random.Random, planned: list[Planned], directory: Directory, now: datetime.datetime
) -> None:
    """A few requests to work together: some waiting, some accepted (the partner added), some declined."""
    open_projects = [
        p
        for p in planned
        if p.project.collaboration != Collaboration.SHARING and p.project.visibility == "public"
    ]
    states = [CollaborationRequest.State.PENDING] * 5 + [CollaborationRequest.State.ACCEPTED] * 4
    states += [CollaborationRequest.State.DECLINED] * 3
    chosen = rng.sample(open_projects, min(len(states), len(open_projects)))
    requests = [
        _request_build(rng, p, directory, state, now) for state, p in zip(states, chosen, strict=False)
    ]
    requests = [r for r in requests if r is not None]
    CollaborationRequest.objects.bulk_create(requests)
    partners = {p.project.pk: p.partners for p in chosen}
    Project.partner_organisations.through.objects.bulk_create(
        Project.partner_organisations.through(project_id=r.project.pk, organisation_id=r.organisation.pk)
        for r in requests
        if r.state == CollaborationRequest.State.ACCEPTED and r.organisation.pk not in partners[r.project.pk]
    )


def _request_build(
    rng: random.Random, planned: Planned, directory: Directory, state: str, now: datetime.datetime
) -> CollaborationRequest | None:
    requester = _requester(rng, planned, directory)
    if requester is None:
        return None
    decided = state != CollaborationRequest.State.PENDING
    language = "cy" if rng.random() < 0.25 else "en"
    return CollaborationRequest(
        project=planned.project,
        requester=requester,
        organisation=directory.user_organisation[requester.pk],
        kind=rng.choice(CollaborationRequest.Kind.values),
        message=rng.choice(REQUEST_MESSAGES[language]),
        state=state,
        reply=REQUEST_REPLIES.get(state, ""),
        decided_by=planned.owners[0] if decided and planned.owners else None,
        decided_at=now - _days(rng, 1, 30) if decided else None,
    )


def _requester(rng: random.Random, planned: Planned, directory: Directory) -> User | None:
    """A demo person from another organisation than the project's, who does not own it."""
    owner = planned.project.owner_organisation
    candidates = [
        u
        for u in directory.users
        if u.pk in directory.user_organisation
        and directory.user_organisation[u.pk] != owner
        and u not in planned.owners
    ]
    return rng.choice(candidates) if candidates else None


@transaction.atomic
def demo_projects_load() -> int:
    """Make the demo portfolio once; return how many projects were made now (0 if any demo project exists)."""
    if Project.objects.filter(is_demo=True).exists():
        return 0
    directory = Directory.read()
    planner = Planner(directory, timezone.now())
    planned = planner.plan()
    Project.objects.bulk_create([p.project for p in planned], batch_size=500)
    tags = _tags_ensure(tag for p in planned for tag in p.tags)
    _relations_save(planned, tags)
    for p in planned:
        for update in p.updates:
            update.project = p.project
    ProjectUpdate.objects.bulk_create([u for p in planned for u in p.updates], batch_size=1000)
    _requests_save(planner.rng, planned, directory, planner.now)
    return len(planned)


@transaction.atomic
def demo_projects_clear() -> int:
    """Delete the demo projects (and so their updates, requests and follows) and their history.

    Deleting writes a history row per project before the history goes too (about 6 ms a project on SQLite), so
    benchmark data from `projects_load_scale` is better loaded into a throwaway database."""
    projects = Project.objects.filter(is_demo=True)
    count = projects.count()
    projects.delete()
    _demo_history_clear()
    return count


def _demo_history_clear() -> None:
    """Demo projects are made up, so their history (including the deletion just recorded) goes with them."""
    historical = Project.history.model
    history_ids = historical.objects.filter(is_demo=True).values("history_id")
    for relation in historical._meta.related_objects:
        relation.related_model.objects.filter(**{f"{relation.field.name}__in": history_ids}).delete()
    historical.objects.filter(is_demo=True).delete()


# Word lists for the benchmark projects. The Welsh object follows "ar gyfer", which mutates nothing.
SCALE_THINGS = [
    ("Online service", "Gwasanaeth ar-lein"),
    ("Data platform", "Platfform data"),
    ("Mobile app", "Ap symudol"),
    ("Service redesign", "Ailgynllunio gwasanaeth"),
    ("Booking system", "System archebu"),
    ("Chatbot", "Sgwrsfot"),
    ("Dashboard", "Dangosfwrdd"),
    ("Self-service portal", "Porth hunanwasanaeth"),
    ("Case management system", "System rheoli achosion"),
    ("Digital forms", "Ffurflenni digidol"),
]
SCALE_OBJECTS = [
    ("garden waste collections", "casgliadau gwastraff gardd"),
    ("parking permits", "trwyddedau parcio"),
    ("school admissions", "derbyniadau ysgol"),
    ("council tax", "y dreth gyngor"),
    ("housing repairs", "atgyweirio tai"),
    ("outpatient appointments", "apwyntiadau cleifion allanol"),
    ("library loans", "benthyciadau llyfrgell"),
    ("planning applications", "ceisiadau cynllunio"),
    ("care assessments", "asesiadau gofal"),
    ("bus passes", "tocynnau bws"),
    ("business rates", "ardrethi busnes"),
    ("waiting lists", "rhestrau aros"),
    ("flood warnings", "rhybuddion llifogydd"),
    ("food hygiene inspections", "arolygiadau hylendid bwyd"),
    ("licence renewals", "adnewyddu trwyddedau"),
    ("staff rotas", "rotâu staff"),
    ("grant payments", "taliadau grant"),
    ("fire safety visits", "ymweliadau diogelwch tân"),
    ("electoral registration", "cofrestru etholiadol"),
    ("pest control", "rheoli plâu"),
]
SCALE_TAGS = ["booking", "data", "forms", "payments", "welsh language", "ai", "accessibility", "open data"]


@dataclass
class ScaleDirectory:
    """What the benchmark projects are made from; organisations are (id, lead team id, name, Welsh name)."""

    organisations: list[tuple[int, int | None, str, str]]
    items: dict[int | None, list[int]]
    users: list[int]
    tags: list[int]

    @classmethod
    def read(cls) -> "ScaleDirectory":
        directory = Directory.read()
        organisations = []
        for o in directory.organisations:
            team = directory.lead_team(o)
            organisations.append((o.pk, team.pk if team else None, o.name_en, o.name_cy or o.name_en))
        return cls(
            organisations=organisations,
            items=directory.items,
            users=[u.pk for u in directory.users],
            tags=list(_tags_ensure(SCALE_TAGS).values()),
        )


def _scale_project(
    rng: random.Random, organisation: tuple[int, int | None, str, str], now: datetime.datetime
) -> Project:
    _, lead_team_id, name_en, name_cy = organisation
    (thing_en, thing_cy), (object_en, object_cy) = rng.choice(SCALE_THINGS), rng.choice(SCALE_OBJECTS)
    extra_en, extra_cy = rng.choice(EXTRA_SENTENCES)
    texts = {
        "title_en": f"{thing_en} for {object_en}",
        "title_cy": f"{thing_cy} ar gyfer {object_cy}",
        "summary_en": f"{name_en} is improving {object_en}. {extra_en}",
        "summary_cy": f"Mae {name_cy} yn gwella {object_cy}. {extra_cy}",
    }
    draw = rng.random()
    if draw < 0.08:
        texts.update(title_cy="", summary_cy="")
    elif draw < 0.12:
        texts.update(title_en="", summary_en="")
    last_update_at = now - datetime.timedelta(seconds=rng.randint(0, 730 * 86_400))
    return Project(
        **texts,
        owner_organisation_id=organisation[0],
        lead_team_id=lead_team_id,
        phase=_pick(rng, PHASE_WEIGHTS),
        status=_pick(rng, STATUS_WEIGHTS),
        budget_band=_pick(rng, BUDGET_WEIGHTS),
        collaboration=_pick(rng, COLLABORATION_WEIGHTS),
        visibility=_pick(rng, VISIBILITY_WEIGHTS),
        is_demo=True,
        created_at=last_update_at - datetime.timedelta(seconds=rng.randint(0, 365 * 86_400)),
        last_update_at=last_update_at,
    )


def _scale_batch(rng: random.Random, directory: ScaleDirectory, size: int, now: datetime.datetime) -> None:
    owners = [rng.choice(directory.organisations) for _ in range(size)]
    projects = Project.objects.bulk_create([_scale_project(rng, o, now) for o in owners], batch_size=size)
    people, partners, tags, items = [], [], [], []
    for project, owner in zip(projects, owners, strict=True):
        if directory.users:
            people.append((project.pk, rng.choice(directory.users)))
        if rng.random() < 0.2:
            partner = rng.choice(directory.organisations)[0]
            if partner != owner[0]:
                partners.append((project.pk, partner))
        if rng.random() < 0.2 and directory.tags:
            tags.append((project.pk, rng.choice(directory.tags)))
        if rng.random() < 0.3 and directory.items.get(owner[1]):
            items.append((project.pk, rng.choice(directory.items[owner[1]])))
    for through, column, rows in [
        (Project.owners.through, "user_id", people),
        (Project.partner_organisations.through, "organisation_id", partners),
        (Project.tags.through, "tag_id", tags),
        (Project.programme_items.through, "programmeitem_id", items),
    ]:
        through.objects.bulk_create([through(project_id=p, **{column: t}) for p, t in rows], batch_size=size)


def projects_load_scale(count: int, *, batch_size: int = 5000) -> float:
    """Add `count` synthetic demo projects for benchmarks, in batches of one transaction each.

    Last updates spread over two years, so most of these projects are stale. No updates and no history are
    written. Returns the seconds taken."""
    started = time.perf_counter()
    rng = random.Random(SEED)
    directory = ScaleDirectory.read()
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        with transaction.atomic():
            _scale_batch(rng, directory, size, now)
        made += size
    return time.perf_counter() - started
