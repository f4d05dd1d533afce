"""Demo content for the local offer of the fictional Northmoor Council.

This is generated demo content, written for this project. Northmoor Council, its
teams and the local organisations named here are made up. Phone numbers are in
Ofcom's drama ranges, and email addresses and websites use example.org. Nothing
here is copied from any real council's website.
"""

ITEMS = [
    # Health and wellbeing
    {
        "category": "health-and-wellbeing",
        "slug": "your-health-passport",
        "title": "Your health passport",
        "summary": (
            "A short, private record of your health history that belongs to you. It "
            "helps you look after your own health once you leave care."
        ),
        "body": (
            "Your health passport is a summary of your health while you were in care. It "
            "lists things like your vaccinations, any illnesses, allergies and "
            "medicines. It also has your NHS number and the name of your GP.\n"
            "\n"
            "You should get it before you turn 18. It is yours to keep. You decide who "
            "sees it.\n"
            "\n"
            "You can use it when you:\n"
            "- register with a new GP or dentist\n"
            "- go to hospital\n"
            "- apply for a job or course that asks about your health\n"
            "\n"
            "If something in it looks wrong, or you want to know more about your early "
            "health, the nurse can talk it through with you."
        ),
        "how_to_get": (
            "The children in care nurse will go through it with you at your last health "
            "check. If you are over 18 and never got one, ask your personal adviser (PA) "
            "to request it."
        ),
        "provider_name": "Northmoor Children in Care Health Team",
        "provider_phone": "01632 960 214",
        "provider_email": "cic.health@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "health history, medical records, nhs number, vaccinations, jabs, allergies, "
            "health check, gp, doctor, medical summary"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 210,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "help-with-prescription-and-health-costs",
        "title": "Help with prescription and health costs",
        "summary": (
            "You may not have to pay for prescriptions, glasses or dental treatment. We "
            "can help you check and apply."
        ),
        "body": (
            "Prescriptions are free if you are 16, 17 or 18 and in full-time education. "
            "They are also free if you are pregnant or have had a baby in the last 12 "
            "months.\n"
            "\n"
            "If you have to pay, you may still get help through the NHS Low Income "
            "Scheme. You fill in a form called an HC1. If you qualify, you get a "
            "certificate that covers prescriptions, dental treatment, eye tests and help "
            "towards glasses.\n"
            "\n"
            "The certificate lasts for a set time, so keep a note of when it ends. You "
            "can apply again before it runs out.\n"
            "\n"
            "If you get Universal Credit, you might already qualify. Your PA can check "
            "this with you."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to help you fill in the HC1 form. You can "
            "also pick up a form at most chemists."
        ),
        "provider_name": "NHS Business Services Authority",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "https://www.example.org/nhs/low-income-scheme",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "prescriptions, medicine, chemist, pharmacy, hc1, hc2, low income scheme, "
            "glasses, eye test, free prescriptions"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 150,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "someone-to-talk-to-about-how-you-feel",
        "title": "Someone to talk to about how you feel",
        "summary": (
            "Free, private talking therapy if you feel low, anxious or stressed. You can "
            "refer yourself."
        ),
        "body": (
            "Lots of young people who have been in care find some days hard. Feeling "
            "low, worried or stuck is common. You do not have to deal with it on your "
            "own.\n"
            "\n"
            "Northmoor Talking Therapies offers free sessions with a trained therapist. "
            "You can meet in person, by video or on the phone. Most people have between "
            "6 and 12 sessions.\n"
            "\n"
            "You do not need to see your GP first. You can fill in a short form "
            "yourself, or your PA can help you.\n"
            "\n"
            "**If you feel unsafe right now**, call 999 or go to A&E. You can also call "
            "the council's leaving care duty line."
        ),
        "how_to_get": (
            "Refer yourself by phone or email. If you want, your personal adviser (PA) "
            "can do it with you."
        ),
        "provider_name": "Northmoor Talking Therapies",
        "provider_phone": "01632 960 330",
        "provider_email": "talking.therapies@example.org",
        "provider_website": "https://www.example.org/northmoor/talking-therapies",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "counselling, counsellor, therapy, mental health, anxiety, depression, "
            "stress, feeling low, panic attacks, sleep, worried"
        ),
        "min_age": 18,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 95,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "moving-from-camhs-to-adult-mental-health-services",
        "title": "Moving from CAMHS to adult mental health services",
        "summary": (
            "If you see CAMHS, you get a named worker and a plan so your support does "
            "not stop when you turn 18."
        ),
        "body": (
            "CAMHS is the mental health service for children and young people. It "
            "usually stops at 18. Adult services work in a different way, so the move "
            "can feel big.\n"
            "\n"
            "From about 17 and a half, you will have a named transition worker. They "
            "will:\n"
            "- explain what adult services can offer\n"
            "- come with you to your first adult appointment if you want\n"
            "- make sure your PA and GP know the plan\n"
            "\n"
            "If adult services are not right for you, your worker will help you find "
            "other support. This could be Northmoor Talking Therapies or a local "
            "charity.\n"
            "\n"
            "You can say what matters to you in the plan. You can also bring someone you "
            "trust to meetings."
        ),
        "how_to_get": (
            "Talk to your CAMHS worker or your social worker. They will start the plan "
            "with you about 6 months before you turn 18."
        ),
        "provider_name": "Northmoor CAMHS",
        "provider_phone": "01632 960 335",
        "provider_email": "camhs.transitions@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "camhs, turning 18, adult mental health, transition, psychiatrist, mental "
            "health worker, moving on, cmht"
        ),
        "min_age": 16,
        "max_age": 18,
        "statuses": ["eligible", "relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 240,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "free-sexual-health-and-contraception",
        "title": "Free sexual health and contraception",
        "summary": (
            "Free and private testing, treatment and contraception. Nobody will tell "
            "your carers, PA or family."
        ),
        "body": (
            "The sexual health clinic is free and confidential. This means staff will "
            "not share what you tell them unless they think you or someone else is at "
            "serious risk.\n"
            "\n"
            "You can get:\n"
            "- free condoms\n"
            "- the pill, the implant, the coil and the injection\n"
            "- emergency contraception (the morning after pill)\n"
            "- tests and treatment for sexually transmitted infections\n"
            "- a pregnancy test and advice\n"
            "\n"
            "You can walk in or book. You can also order a free home testing kit."
        ),
        "how_to_get": (
            "Call the clinic or book online. You can also just turn up at a walk-in session."
        ),
        "provider_name": "Northmoor Sexual Health Service",
        "provider_phone": "0808 157 0240",
        "provider_email": "",
        "provider_website": "https://www.example.org/northmoor/sexual-health",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "condoms, contraception, pill, implant, coil, morning after pill, sti test, "
            "chlamydia, pregnancy test, clinic, sex"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 180,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "finding-a-dentist",
        "title": "Finding a dentist",
        "summary": (
            "Help to register with an NHS dentist, and help with the cost if you cannot "
            "get free treatment."
        ),
        "body": (
            "NHS dental treatment is free if you are under 18. It is also free if you "
            "are 18 and in full-time education, pregnant, or have had a baby in the last "
            "year.\n"
            "\n"
            "Finding a dentist who is taking on NHS patients can be hard. Your PA can "
            "help you look and make the call.\n"
            "\n"
            "If you have to pay and cannot afford it, you may get help through the NHS "
            "Low Income Scheme. If you are in pain and need treatment fast, call NHS 111 "
            "for an urgent appointment."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to help you find a dentist. For urgent "
            "dental pain, call NHS 111."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "dentist, teeth, toothache, check up, fillings, brace, nhs dentist, dental pain, tooth"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": -14,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "free-leisure-pass",
        "title": "Free leisure pass",
        "summary": (
            "A free pass for the gym, swimming and classes at all Northmoor leisure centres."
        ),
        "body": (
            "Keeping active is good for your body and your mood. The leisure pass lets "
            "you use Northmoor leisure centres for free.\n"
            "\n"
            "With the pass you can:\n"
            "- use the gym\n"
            "- go swimming\n"
            "- join most fitness classes\n"
            "- bring one friend for free on Sundays\n"
            "\n"
            "The pass has your photo on it and lasts for one year. We will renew it each "
            "year until you are 25."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA). They will send your details to the leisure "
            "centre, and you collect your pass from any reception."
        ),
        "provider_name": "Northmoor Leisure",
        "provider_phone": "01632 960 410",
        "provider_email": "leisure@example.org",
        "provider_website": "https://www.example.org/northmoor/leisure",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "leisure-pass",
        "keywords": (
            "gym, swimming, swim, fitness, exercise, sport, classes, leisure centre, "
            "membership, keep fit"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 120,
    },
    {
        "category": "health-and-wellbeing",
        "slug": "moving-to-adult-social-care-if-you-are-disabled",
        "title": "Moving to adult social care if you are disabled",
        "summary": (
            "If you are disabled or have a long-term health condition, you can have an "
            "assessment before 18 so the right support is ready for you."
        ),
        "body": (
            "Adult social care helps disabled adults live as independently as they can. "
            "It works differently from children's services.\n"
            "\n"
            "Before you turn 18, you can have a transition assessment. This looks at "
            "what you want to do, what help you need day to day, and who already "
            "supports you. You can have someone with you, like your PA, a carer or an "
            "advocate.\n"
            "\n"
            "After the assessment, you will know what support you can get from adult "
            "social care. This might be help at home, a personal budget or help finding "
            "suitable housing.\n"
            "\n"
            "Your PA stays with you too. They will keep working with adult social care "
            "until you are at least 21, or 25 if you want."
        ),
        "how_to_get": (
            "Ask your social worker or personal adviser (PA) to ask for a transition "
            "assessment. It is best to start from about age 16."
        ),
        "provider_name": "Northmoor Council adult social care",
        "provider_phone": "01632 960 520",
        "provider_email": "adult.transitions@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "disability, disabled, learning disability, autism, adhd, care act, "
            "assessment, personal budget, carer, support at home"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": ["disabled"],
        "owner": "manager",
        "review_in_days": 270,
    },
    # Relationships
    {
        "category": "relationships",
        "slug": "your-personal-adviser",
        "title": "Your personal adviser (PA)",
        "summary": (
            "A named worker who helps you plan your future and get the support in this "
            "guide, up to age 25."
        ),
        "body": (
            "Your personal adviser (PA) is there to help you move into adult life. You "
            "will meet them before you leave care. They can stay with you until you are "
            "25.\n"
            "\n"
            "Your PA will:\n"
            "- write your pathway plan with you\n"
            "- help you find a home, a course or a job\n"
            "- help you claim money you are owed\n"
            "- stand up for you with other services\n"
            "\n"
            "You can contact your PA whenever you need help. If you stop working with us "
            "and change your mind later, you can come back at any time before you are "
            "25.\n"
            "\n"
            "If you are unhappy with your PA, you can ask for a different one. You will "
            "not get into trouble for asking."
        ),
        "how_to_get": (
            "You will get a PA before you turn 18. If you do not know who yours is, call "
            "the leaving care duty line."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "https://www.example.org/northmoor/leaving-care",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "pa, worker, key worker, social worker, pathway plan, leaving care worker, "
            "who to contact, support worker"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 300,
    },
    {
        "category": "relationships",
        "slug": "seeing-your-family-and-your-brothers-and-sisters",
        "title": "Seeing your family and your brothers and sisters",
        "summary": (
            "Help to keep in touch with the people who matter to you, including brothers "
            "and sisters who live somewhere else."
        ),
        "body": (
            "You have a right to say who you want to see. We will help you stay in touch "
            "with family and friends when it is safe.\n"
            "\n"
            "If your brothers and sisters live in different homes, we can help you meet "
            "up. We can pay for travel, a meal out or an activity you do together.\n"
            "\n"
            "If you want to find family you have lost touch with, your PA can help you "
            "think it through first. Sometimes it goes well. Sometimes it is hard. Your "
            "PA will support you either way."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA) or social worker. Tell them who you want "
            "to see and how often."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "family, mum, dad, brother, sister, siblings, contact, family time, visits, "
            "keeping in touch, relatives, nan"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 160,
    },
    {
        "category": "relationships",
        "slug": "reading-your-care-records",
        "title": "Reading your care records",
        "summary": (
            "You can ask to see the records we kept about you while you were in care. It is free."
        ),
        "body": (
            "Your care records might explain why you came into care and what happened "
            "while you were there. Many people find this helpful. Some find it "
            "upsetting.\n"
            "\n"
            "You can ask for your records at any age. This is called a subject access "
            "request. We will usually reply within one month. Sometimes we will need "
            "longer if there is a lot to read.\n"
            "\n"
            "Some parts may be blacked out. This is usually to protect other people's "
            "private information.\n"
            "\n"
            "You do not have to read them alone. A trained worker can go through them "
            "with you, a bit at a time."
        ),
        "how_to_get": (
            "Email or call the access to records team. Your personal adviser (PA) can "
            "help you make the request."
        ),
        "provider_name": "Northmoor Council access to records team",
        "provider_phone": "01632 960 150",
        "provider_email": "care.records@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "care file, my file, records, subject access request, sar, why was i in "
            "care, life story, history, information"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 200,
    },
    {
        "category": "relationships",
        "slug": "an-independent-visitor",
        "title": "An independent visitor",
        "summary": (
            "A trained volunteer who visits you because they want to, not because it is their job."
        ),
        "body": (
            "An independent visitor is an adult volunteer who spends time with you while "
            "you are in care. They are not a social worker or a carer.\n"
            "\n"
            "You might go for food, play sport or just chat. You choose what you do "
            "together. Most people meet once or twice a month.\n"
            "\n"
            "Many young people keep in touch with their visitor after they turn 18."
        ),
        "how_to_get": (
            "Ask your social worker or personal adviser (PA). They will pass your "
            "details to the scheme and you will meet your visitor with a worker there "
            "the first time."
        ),
        "provider_name": "Northmoor Befriending Project",
        "provider_phone": "07700 900 412",
        "provider_email": "befriending@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "befriender, volunteer, visitor, friend, someone to talk to, adult, trusted "
            "adult, days out"
        ),
        "min_age": 16,
        "max_age": 17,
        "statuses": ["eligible"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 90,
    },
    {
        "category": "relationships",
        "slug": "an-advocate-to-help-you-be-heard",
        "title": "An advocate to help you be heard",
        "summary": (
            "A free, independent person who helps you say what you want and makes sure "
            "people listen."
        ),
        "body": (
            "An advocate is on your side. They do not work for the council.\n"
            "\n"
            "They can help you:\n"
            "- get ready for meetings about your plan\n"
            "- ask for something you think you should get\n"
            "- make a complaint\n"
            "\n"
            "What you tell your advocate is private. They will only share it if you say "
            "they can, or if someone is at risk of serious harm."
        ),
        "how_to_get": (
            "Call or email the advocacy service yourself. You can also ask your personal "
            "adviser (PA) to refer you."
        ),
        "provider_name": "Northmoor Voices Advocacy",
        "provider_phone": "0808 157 0310",
        "provider_email": "advocacy@example.org",
        "provider_website": "https://www.example.org/northmoor-voices",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "advocate, advocacy, complaint, complain, not listened to, unfair, speak up, "
            "rights, meeting, support"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 130,
    },
    {
        "category": "relationships",
        "slug": "a-mentor",
        "title": "A mentor",
        "summary": "Meet regularly with a trained mentor, often someone who has been in care too.",
        "body": (
            "A mentor is someone you meet regularly to talk about your goals. They can "
            "help you build confidence, try new things and make plans.\n"
            "\n"
            "Many of our mentors grew up in care themselves. They know what it can be "
            "like.\n"
            "\n"
            "You meet for about an hour every two weeks, for up to a year. You can meet "
            "at a café, go for a walk, or meet online."
        ),
        "how_to_get": (
            "Fill in a short form on the website or ask your personal adviser (PA) to "
            "refer you. The team will try to match you with someone who shares your "
            "interests."
        ),
        "provider_name": "Brightpath Mentoring",
        "provider_phone": "07700 900 517",
        "provider_email": "hello.brightpath@example.org",
        "provider_website": "https://www.example.org/brightpath",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "mentor, mentoring, role model, coach, confidence, goals, someone to talk "
            "to, peer support, care experienced"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 75,
    },
    {
        "category": "relationships",
        "slug": "support-for-young-parents-and-parents-to-be",
        "title": "Support for young parents and parents-to-be",
        "summary": "Extra help if you or your partner are pregnant, or if you have a child.",
        "body": (
            "Becoming a parent is a big change. Being care experienced does not mean you "
            "cannot be a good parent. We want to help you and your child do well.\n"
            "\n"
            "You can get:\n"
            "- a family nurse or health visitor who visits you at home\n"
            "- parenting groups at your local family hub\n"
            "- help with baby things like a cot, a pram and a car seat\n"
            "- help to find and pay for nursery or childcare\n"
            "\n"
            "If you are pregnant with your first baby and get certain benefits, you may "
            "also get a Sure Start Maternity Grant. Your PA can help you apply.\n"
            "\n"
            "Your PA will add your plans as a parent to your pathway plan. This is so "
            "that everyone knows what help you need."
        ),
        "how_to_get": (
            "Tell your personal adviser (PA) or midwife. They will put you in touch with "
            "your local family hub."
        ),
        "provider_name": "Northmoor Family Hubs",
        "provider_phone": "01632 960 610",
        "provider_email": "family.hubs@example.org",
        "provider_website": "https://www.example.org/northmoor/family-hubs",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "baby, pregnant, pregnancy, mum, dad, midwife, health visitor, nursery, "
            "childcare, cot, pram, parenting"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": ["parent", "pregnant"],
        "owner": "editor",
        "review_in_days": 110,
    },
    # Education and training
    {
        "category": "education-and-training",
        "slug": "higher-education-bursary",
        "title": "Higher education bursary",
        "summary": (
            "£2,000 from the council to help you while you study at university or on "
            "another higher education course."
        ),
        "body": (
            "If you go to university, we will give you a bursary of £2,000. You do not "
            "have to pay it back. It is on top of any student loans and any bursary from "
            "your university.\n"
            "\n"
            "We usually pay it in parts over your course. This helps it last.\n"
            "\n"
            "When you apply for student finance, tick the box to say you are a care "
            "leaver. Student Finance England will then treat you as independent, so your "
            "family's income does not count.\n"
            "\n"
            "Many universities also have extra money and a named contact for care "
            "leavers. Your PA can help you find out what your university offers."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) once you have a place on your course. You "
            "will need to show your offer letter or proof you have enrolled."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 200000,
        "amount_period": "once",
        "scheme": "higher-education-bursary",
        "keywords": (
            "university, uni, degree, student, student finance, student loan, college, "
            "higher education, foundation year, fees"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": ["at_university"],
        "owner": "manager",
        "review_in_days": 250,
    },
    {
        "category": "education-and-training",
        "slug": "16-19-bursary",
        "title": "16 to 19 bursary",
        "summary": (
            "Up to £1,200 a year from your school, college or training provider to help "
            "with the costs of studying."
        ),
        "body": (
            "If you are in care or have left care, you can get up to £1,200 a year while "
            "you study. You get it if you are aged 16 to 19 and on a course that is not "
            "university.\n"
            "\n"
            "You can use it for things like travel, books, equipment and lunches. Your "
            "college may pay some of it straight to a bus company or shop.\n"
            "\n"
            "You will usually need to go to your lessons to keep getting it."
        ),
        "how_to_get": (
            "Ask student services at your school, college or training provider. Your "
            "personal adviser (PA) can give you a letter to show you are a care leaver."
        ),
        "provider_name": "Your school, college or training provider",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "",
        "amount_pence": 120000,
        "amount_period": "year",
        "scheme": "16-19-bursary",
        "keywords": (
            "bursary, college money, sixth form, travel to college, bus pass, books, "
            "equipment, lunch, student support, course"
        ),
        "min_age": 16,
        "max_age": 19,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_education"],
        "owner": "manager",
        "review_in_days": 190,
    },
    {
        "category": "education-and-training",
        "slug": "help-with-course-costs",
        "title": "Help with course costs",
        "summary": "Up to £500 a year towards books, equipment, exam fees and extra tutoring.",
        "body": (
            "Studying can cost more than you expect. This fund helps with things your "
            "course needs that other money does not cover.\n"
            "\n"
            "You can use it for:\n"
            "- books and equipment\n"
            "- uniform, tools or kit for your course\n"
            "- exam or resit fees\n"
            "- a tutor if you need extra help with a subject\n"
            "\n"
            "You can get up to £500 in each academic year."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA) about what you need. They will ask for "
            "receipts or a quote."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 50000,
        "amount_period": "year",
        "scheme": "education-support-fund",
        "keywords": (
            "books, equipment, tools, uniform, exam fees, resits, tutor, tutoring, "
            "maths, english, course costs, kit"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_education", "at_university"],
        "owner": "manager",
        "review_in_days": 60,
    },
    {
        "category": "education-and-training",
        "slug": "a-laptop-and-internet-for-your-studies",
        "title": "A laptop and internet for your studies",
        "summary": (
            "A free laptop and, if you need it, free mobile data so you can do your coursework."
        ),
        "body": (
            "Most courses need a laptop and the internet. If you do not have them, we "
            "can help.\n"
            "\n"
            "You can get a laptop that is yours to keep. If you do not have Wi-Fi at "
            "home, we can also give you a SIM card with free data for up to 12 months.\n"
            "\n"
            "If your laptop breaks, tell your PA. We may be able to help with repairs."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA). You will need to show you have a place on a course."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "laptop, computer, wifi, internet, data, sim card, dongle, tablet, homework, "
            "coursework, online learning"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_education", "at_university"],
        "owner": "editor",
        "review_in_days": 45,
    },
    {
        "category": "education-and-training",
        "slug": "free-english-classes-esol",
        "title": "Free English classes (ESOL)",
        "summary": (
            "Free classes to help you speak, read and write English, at a level that suits you."
        ),
        "body": (
            "If English is not your first language, you can learn for free at Northmoor "
            "College. The classes are called ESOL. This stands for English for Speakers "
            "of Other Languages.\n"
            "\n"
            "You will do a short test first so you join the right class. Classes run in "
            "the day and some evenings.\n"
            "\n"
            "When your English improves, you can move on to other courses, like maths, "
            "IT or a job course."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to book a place for you. An interpreter can "
            "come to your first meeting if you need one."
        ),
        "provider_name": "Northmoor College student services",
        "provider_phone": "01632 960 720",
        "provider_email": "esol@example.org",
        "provider_website": "https://www.example.org/northmoor-college/esol",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "english lessons, learn english, language, esol, classes, speaking, reading, "
            "writing, college, new to the uk"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": ["asylum_seeker"],
        "owner": "editor",
        "review_in_days": 140,
    },
    {
        "category": "education-and-training",
        "slug": "help-to-find-a-course-training-or-a-job",
        "title": "Help to find a course, training or a job",
        "summary": (
            "If you are not in school, college or work, an adviser will help you choose "
            "your next step."
        ),
        "body": (
            "Not knowing what to do next is normal. Our education and work adviser works "
            "only with young people who have been in care.\n"
            "\n"
            "They can help you:\n"
            "- work out what you are good at and what you enjoy\n"
            "- find a course, traineeship or apprenticeship\n"
            "- fill in applications\n"
            "- visit colleges and training providers with you\n"
            "\n"
            "You can meet them at a place that suits you. You can bring a friend."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to set up a meeting. You can also drop in to "
            "the monthly Next Steps session at the leaving care office."
        ),
        "provider_name": "Northmoor Virtual School",
        "provider_phone": "01632 960 730",
        "provider_email": "virtual.school@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "neet, careers advice, what to do, course, training, college, "
            "apprenticeship, traineeship, options, future, bored"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": ["looking_for_work"],
        "owner": "editor",
        "review_in_days": 85,
    },
    # Employment
    {
        "category": "employment",
        "slug": "council-apprenticeships-for-care-leavers",
        "title": "Council apprenticeships for care leavers",
        "summary": (
            "Some council apprenticeships are kept for care leavers. You get paid while you train."
        ),
        "body": (
            "Every year, Northmoor Council keeps some of its apprenticeships just for "
            "young people who have been in care. You only compete with other care "
            "leavers for these jobs.\n"
            "\n"
            "There are roles in lots of areas, like parks, IT, business admin, libraries "
            "and care work. You earn a wage and get a qualification.\n"
            "\n"
            "If you apply and meet the basic requirements for the job, you will get an "
            "interview. We can help you get ready for it."
        ),
        "how_to_get": (
            "Look out for adverts from your personal adviser (PA) or the council jobs "
            "page. Your PA can help you apply."
        ),
        "provider_name": "Northmoor Council people and skills team",
        "provider_phone": "01632 960 810",
        "provider_email": "apprenticeships@example.org",
        "provider_website": "https://www.example.org/northmoor/jobs",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "apprenticeship, jobs, council jobs, paid training, earn and learn, "
            "vacancies, work, career, guaranteed interview"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 100,
    },
    {
        "category": "employment",
        "slug": "work-experience-with-the-council",
        "title": "Work experience with the council",
        "summary": "Try out a job for two to six weeks. We pay your travel and lunch.",
        "body": (
            "Work experience is a good way to find out what you like. It also looks good "
            "on your CV.\n"
            "\n"
            "You can do a placement in a council team, or with a local business that "
            "works with us. Placements last between two and six weeks. You choose the "
            "days and hours with the team.\n"
            "\n"
            "At the end, you get a reference you can use when you apply for jobs."
        ),
        "how_to_get": (
            "Tell your personal adviser (PA) what kind of work you want to try. They "
            "will look for a placement with you."
        ),
        "provider_name": "Northmoor Council people and skills team",
        "provider_phone": "01632 960 810",
        "provider_email": "work.experience@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "work experience, placement, try a job, cv, reference, volunteering, job "
            "taster, trial, shadowing"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 170,
    },
    {
        "category": "employment",
        "slug": "apprenticeship-bursary",
        "title": "Apprenticeship bursary",
        "summary": (
            "£3,000 from the government if you start an apprenticeship, paid in parts "
            "during your first year."
        ),
        "body": (
            "If you are a care leaver and start an apprenticeship, you can get a bursary "
            "of £3,000. You do not have to pay it back. You can spend it on whatever you "
            "need.\n"
            "\n"
            "It is paid by your training provider in parts during your first year. It "
            "does not count as income for Universal Credit, and you do not pay tax on "
            "it.\n"
            "\n"
            "You can only get it once."
        ),
        "how_to_get": (
            "Tell your training provider you are a care leaver when you start. Ask your "
            "personal adviser (PA) for a letter to prove it."
        ),
        "provider_name": "Your apprenticeship training provider",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "",
        "amount_pence": 300000,
        "amount_period": "once",
        "scheme": "apprenticeship-bursary",
        "keywords": (
            "apprentice, apprenticeship money, bursary, training provider, wages, first "
            "job, earn and learn, grant"
        ),
        "min_age": 16,
        "max_age": 24,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_work"],
        "owner": "manager",
        "review_in_days": 220,
    },
    {
        "category": "employment",
        "slug": "jobs-with-care-leaver-covenant-employers",
        "title": "Jobs with Care Leaver Covenant employers",
        "summary": (
            "Local and national employers who have promised to offer jobs, training and "
            "work experience to care leavers."
        ),
        "body": (
            "The Care Leaver Covenant is a promise made by employers to support young "
            "people leaving care. Lots of businesses, charities and public bodies have "
            "signed it.\n"
            "\n"
            "They offer things like:\n"
            "- guaranteed interviews\n"
            "- paid internships and work experience\n"
            "- training and mentoring\n"
            "\n"
            "Some Northmoor businesses have signed up too. Your PA has a list of current "
            "offers."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) for the latest list of Covenant offers. You "
            "can also look on the Covenant website."
        ),
        "provider_name": "Care Leaver Covenant",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "https://www.example.org/care-leaver-covenant",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "jobs, employers, internship, guaranteed interview, covenant, companies, "
            "careers, vacancies, graduate jobs"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 310,
    },
    {
        "category": "employment",
        "slug": "help-with-your-cv-and-interviews",
        "title": "Help with your CV and interviews",
        "summary": (
            "One-to-one help to write your CV and practise for interviews, plus up to "
            "£100 for interview clothes."
        ),
        "body": (
            "A good CV and some practice can make a big difference. An employment coach "
            "can help you get ready.\n"
            "\n"
            "They can help you:\n"
            "- write or update your CV\n"
            "- fill in application forms\n"
            "- practise interview questions\n"
            "- plan how to get to the interview on time\n"
            "\n"
            "If you need smart clothes for an interview, we can give you up to £100. You "
            "only get this once."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to refer you to Northmoor Works. You can "
            "also book a drop-in session yourself."
        ),
        "provider_name": "Northmoor Works",
        "provider_phone": "01632 960 840",
        "provider_email": "northmoor.works@example.org",
        "provider_website": "https://www.example.org/northmoor-works",
        "amount_pence": 10000,
        "amount_period": "once",
        "scheme": "",
        "keywords": (
            "cv, resume, interview, job application, cover letter, interview clothes, "
            "suit, job search, practise interview"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 55,
    },
    {
        "category": "employment",
        "slug": "a-care-leaver-work-coach-at-the-jobcentre",
        "title": "A care leaver work coach at the Jobcentre",
        "summary": (
            "Jobcentre Plus has a named contact for care leavers who can help you with "
            "Universal Credit and finding work."
        ),
        "body": (
            "If you are 18 or over and claim Universal Credit, you will have a work "
            "coach. At Northmoor Jobcentre, one work coach is the contact for care "
            "leavers.\n"
            "\n"
            "When you claim, tell them you are a care leaver. This can change what you "
            "are asked to do. For example, you may be given more time to look for work "
            "in your first months after leaving care.\n"
            "\n"
            "If you are under 25 and rent from a private landlord, you are not limited "
            "to the lower shared room rate for housing costs. Make sure your work coach "
            "knows you are a care leaver so this is applied."
        ),
        "how_to_get": (
            "Tell the Jobcentre you are a care leaver when you make your claim. Your "
            "personal adviser (PA) can come with you to your first appointment."
        ),
        "provider_name": "Jobcentre Plus",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "universal credit, uc, benefits, jobcentre, work coach, job search, "
            "sanctions, claim, dwp, signing on"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": [],
        "circumstances": ["looking_for_work"],
        "owner": "editor",
        "review_in_days": -40,
    },
    {
        "category": "employment",
        "slug": "driving-lessons",
        "title": "Driving lessons",
        "summary": "Up to £600 towards driving lessons and your theory and practical tests.",
        "body": (
            "Being able to drive can open up more jobs and training. We can help with "
            "the cost of learning.\n"
            "\n"
            "You can use the money for:\n"
            "- your provisional driving licence\n"
            "- your theory test\n"
            "- lessons with an approved instructor\n"
            "- your practical test\n"
            "\n"
            "We pay the instructor or test centre directly. We will agree a plan with "
            "you first, so the money covers as much as possible."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA). They will add it to your pathway plan "
            "and arrange the payments."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 60000,
        "amount_period": "once",
        "scheme": "driving-lessons",
        "keywords": (
            "driving, driving test, theory test, lessons, provisional licence, learner, "
            "car, instructor, licence"
        ),
        "min_age": 17,
        "max_age": 25,
        "statuses": ["relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 135,
    },
    # Accommodation
    {
        "category": "accommodation",
        "slug": "setting-up-home-allowance",
        "title": "Setting up home allowance",
        "summary": "£3,000 to buy the things you need when you move into your own home.",
        "body": (
            "When you move into your own place, you will need things like a bed, a "
            "cooker and pots and pans. The setting up home allowance helps you pay for "
            "them.\n"
            "\n"
            "You can get up to £3,000 in total. You can use it all at once or in parts, "
            "but it must be used before you turn 25.\n"
            "\n"
            "You might spend it on:\n"
            "- furniture like a bed, sofa and table\n"
            "- white goods like a cooker, fridge and washing machine\n"
            "- bedding, towels, curtains and kitchen items\n"
            "\n"
            "Your PA will help you make a list and shop around so the money goes "
            "further. We usually pay shops directly."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) when you know you are moving. They will help "
            "you plan what to buy."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 300000,
        "amount_period": "once",
        "scheme": "setting-up-home-allowance",
        "keywords": (
            "furniture, bed, sofa, cooker, fridge, washing machine, white goods, moving "
            "in, new flat, household items"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 280,
    },
    {
        "category": "accommodation",
        "slug": "staying-put-with-your-foster-carers",
        "title": "Staying Put with your foster carers",
        "summary": (
            "You can keep living with your foster carers after you turn 18, up to age "
            "21, if you all agree."
        ),
        "body": (
            "You do not have to leave your foster home when you turn 18. If you and your "
            "foster carers want, you can stay. This is called Staying Put.\n"
            "\n"
            "You can stay until you are 21. You will usually pay a small amount towards "
            "your keep from your benefits or wages. Your carers get paid by us too.\n"
            "\n"
            "Staying Put gives you more time to finish your course, save money and get "
            "ready to live on your own."
        ),
        "how_to_get": (
            "Talk to your foster carers and your social worker before you turn 18. It "
            "will be written into your pathway plan."
        ),
        "provider_name": "Northmoor Council fostering service",
        "provider_phone": "01632 960 120",
        "provider_email": "fostering@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "staying put, foster carer, foster home, stay after 18, carers, turning 18, "
            "staying at home, foster family"
        ),
        "min_age": 18,
        "max_age": 21,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 230,
    },
    {
        "category": "accommodation",
        "slug": "staying-close-after-living-in-a-childrens-home",
        "title": "Staying Close after living in a children's home",
        "summary": (
            "If you lived in a children's home, you can move to a place nearby and keep "
            "support from staff you know."
        ),
        "body": (
            "Staying Close is for young people who lived in a children's home. You move "
            "into your own place, but close to your old home.\n"
            "\n"
            "A worker from your children's home, or another worker you know, keeps in "
            "touch. You can pop back for a meal, advice or a chat.\n"
            "\n"
            "We also help you find the right place to live and get settled."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA) or the manager of your children's home. "
            "It is best to start planning before you turn 18."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "staying close, children's home, residential, move on, keyworker, nearby, "
            "own flat, support"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": -61,
    },
    {
        "category": "accommodation",
        "slug": "supported-lodgings",
        "title": "Supported lodgings",
        "summary": (
            "Live in a room in a family home, with a host who helps you learn to live on your own."
        ),
        "body": (
            "In supported lodgings, you have your own room in someone's home. The host "
            "is trained and checked. They are not your carer, but they are there to "
            "help.\n"
            "\n"
            "Your host can help you learn things like cooking, budgeting and keeping on "
            "top of bills. You have more freedom than in foster care, with a safety "
            "net.\n"
            "\n"
            "Most people stay for one or two years before moving to their own place."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) or social worker. They will talk to the "
            "supported lodgings team about finding the right host for you."
        ),
        "provider_name": "Northmoor Supported Lodgings Scheme",
        "provider_phone": "01632 960 125",
        "provider_email": "lodgings@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "lodgings, room, host, host family, somewhere to live, supported housing, "
            "rent a room, place to stay"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 65,
    },
    {
        "category": "accommodation",
        "slug": "help-with-a-deposit-first-rent-and-a-guarantor",
        "title": "Help with a deposit, first month's rent and a guarantor",
        "summary": (
            "If you rent from a private landlord, we can pay your deposit and first "
            "month's rent, and act as your guarantor."
        ),
        "body": (
            "Renting a flat often means paying a deposit and a month's rent up front. "
            "Many landlords also ask for a guarantor. This is someone who promises to "
            "pay if you cannot.\n"
            "\n"
            "We can:\n"
            "- pay your deposit, which is kept safe in a deposit scheme\n"
            "- pay your first month's rent\n"
            "- be your guarantor for up to 12 months\n"
            "\n"
            "Before we agree, your PA will check the flat is safe and that you can "
            "afford the rent."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA) before you sign anything. They will "
            "check the flat and the tenancy with you."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "deposit, rent in advance, guarantor, landlord, letting agent, private rent, "
            "tenancy, flat, renting, bond"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 175,
    },
    {
        "category": "accommodation",
        "slug": "priority-for-council-and-housing-association-homes",
        "title": "Priority for council and housing association homes",
        "summary": (
            "Care leavers get a higher priority on the Northmoor housing register when "
            "you are ready for your own tenancy."
        ),
        "body": (
            "Social housing means homes rented from the council or a housing "
            "association. The rent is usually lower than private renting.\n"
            "\n"
            "As a care leaver, you are put in a higher band on the housing register. "
            "This means you are likely to wait less time.\n"
            "\n"
            "You will need to show you are ready to manage a tenancy. Your PA can help "
            "you do a short course on living on your own. When you get a home, your PA "
            "will help you move in and settle."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to help you join the housing register. They "
            "will send a letter to confirm your priority."
        ),
        "provider_name": "Northmoor Council housing options",
        "provider_phone": "01632 960 130",
        "provider_email": "housing.options@example.org",
        "provider_website": "https://www.example.org/northmoor/housing-register",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "council house, council flat, housing register, housing association, "
            "bidding, social housing, tenancy, own place"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 260,
    },
    {
        "category": "accommodation",
        "slug": "help-if-you-are-homeless-or-about-to-lose-your-home",
        "title": "Help if you are homeless or about to lose your home",
        "summary": (
            "If you have nowhere safe to stay tonight, or you might lose your home soon, "
            "call us straight away."
        ),
        "body": (
            "If you are homeless, or you think you might be soon, get in touch as early "
            "as you can. The earlier we know, the more we can do.\n"
            "\n"
            "Call the leaving care duty line. Outside office hours, the same number puts "
            "you through to the emergency duty team. Someone will answer day and night.\n"
            "\n"
            "If you are 18 to 20 and were in care at 16 or 17, the council must find you "
            "somewhere to stay while it looks at your situation. If you are older, you "
            "will still get help and advice.\n"
            "\n"
            "**If you are in danger, call 999.**"
        ),
        "how_to_get": (
            "Call the leaving care duty line on 01632 960 100, at any time. You can also "
            "tell your personal adviser (PA)."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "homeless, nowhere to stay, sofa surfing, evicted, eviction, kicked out, "
            "sleeping rough, emergency housing, tonight"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 35,
    },
    {
        "category": "accommodation",
        "slug": "a-place-to-stay-in-university-holidays",
        "title": "A place to stay in university holidays",
        "summary": (
            "If you have nowhere to go in the summer holidays, we will help you find and "
            "pay for somewhere to live."
        ),
        "body": (
            "Many students go home in the holidays. If you do not have a home to go back "
            "to, we will help.\n"
            "\n"
            "We can pay for you to stay in your university halls over the summer. We can "
            "also help you find another place, like supported lodgings or staying with "
            "your former foster carers.\n"
            "\n"
            "Plan early, as some halls close in the summer."
        ),
        "how_to_get": (
            "Tell your personal adviser (PA) by the end of March what you need for the "
            "summer. They will arrange it with your university."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "summer holidays, uni holidays, halls, student accommodation, vacation, "
            "christmas holidays, nowhere to go, summer"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": ["at_university"],
        "owner": "editor",
        "review_in_days": 125,
    },
    # Participation in society
    {
        "category": "participation-in-society",
        "slug": "join-the-care-leavers-council",
        "title": "Join the care leavers' council",
        "summary": (
            "Meet other care leavers, have your say and help make things better. You get "
            "a voucher for your time."
        ),
        "body": (
            "Northmoor Voices is our group for young people who are in care or have left "
            "care. It meets once a month, with food provided.\n"
            "\n"
            "Members tell senior managers and councillors what needs to change. They "
            "have helped write this guide and choose new staff.\n"
            "\n"
            "You get a £10 voucher for each meeting you come to, and we pay your travel. "
            "You can join at any time."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) or email the participation team. You can "
            "bring a friend to your first meeting."
        ),
        "provider_name": "Northmoor Council participation team",
        "provider_phone": "07700 900 260",
        "provider_email": "northmoor.voices@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "forum, youth council, children in care council, have your say, group, meet "
            "people, voice, participation, friends"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 80,
    },
    {
        "category": "participation-in-society",
        "slug": "registering-to-vote",
        "title": "Registering to vote",
        "summary": "You can register to vote from age 16. It only takes a few minutes.",
        "body": (
            "You must be on the electoral register to vote. You can join it from age 16, "
            "so you are ready when you can vote.\n"
            "\n"
            "You will need your National Insurance number. If you do not know it, your "
            "PA can help you find it.\n"
            "\n"
            "To vote in person, you need photo ID. If you do not have a passport or "
            "driving licence, you can apply for a free Voter Authority Certificate.\n"
            "\n"
            "Being on the register can also help with credit checks when you rent a flat "
            "or get a phone contract."
        ),
        "how_to_get": (
            "Register online in about five minutes, or ask your personal adviser (PA) to help you."
        ),
        "provider_name": "Northmoor Council electoral services",
        "provider_phone": "01632 960 910",
        "provider_email": "elections@example.org",
        "provider_website": "https://www.example.org/northmoor/register-to-vote",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "vote, voting, election, electoral roll, register, polling station, voter "
            "id, credit score, democracy"
        ),
        "min_age": 16,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 315,
    },
    {
        "category": "participation-in-society",
        "slug": "volunteering",
        "title": "Volunteering",
        "summary": (
            "Help out in your community, learn new skills and meet people. We can pay your travel."
        ),
        "body": (
            "Volunteering means giving some of your time to help a charity or community "
            "group. You choose how much time you give.\n"
            "\n"
            "You could help at a food bank, an animal shelter, a sports club or a "
            "charity shop. It is a good way to build confidence and get experience for "
            "your CV.\n"
            "\n"
            "If you claim Universal Credit, volunteering will not usually affect your "
            "payments. Tell your work coach first."
        ),
        "how_to_get": (
            "Contact the volunteer centre to find something you like. Your personal "
            "adviser (PA) can help with travel costs."
        ),
        "provider_name": "Northmoor Volunteer Centre",
        "provider_phone": "01632 960 940",
        "provider_email": "volunteer@example.org",
        "provider_website": "https://www.example.org/northmoor-volunteers",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "volunteer, charity, community, helping, food bank, experience, skills, meet "
            "people, giving back"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 195,
    },
    {
        "category": "participation-in-society",
        "slug": "free-legal-advice",
        "title": "Free legal advice",
        "summary": (
            "Free, private advice from a solicitor or legal adviser about problems like "
            "housing, debt or the police."
        ),
        "body": (
            "Sometimes you need advice about the law. This could be about a landlord, a "
            "debt, a problem at work, or being arrested.\n"
            "\n"
            "Northmoor Law Centre gives free advice to young people. You can talk to "
            "someone on the phone first. If you need more help, they can see you in "
            "person.\n"
            "\n"
            "If you are arrested, you have the right to a free solicitor at the police "
            "station. Always ask for one."
        ),
        "how_to_get": (
            "Call the Law Centre's free advice line. Your personal adviser (PA) can help "
            "you make the call."
        ),
        "provider_name": "Northmoor Law Centre",
        "provider_phone": "0808 157 0450",
        "provider_email": "advice.lawcentre@example.org",
        "provider_website": "https://www.example.org/northmoor-law-centre",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "solicitor, lawyer, legal aid, court, police, arrested, landlord problem, "
            "rights, advice, law"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 145,
    },
    {
        "category": "participation-in-society",
        "slug": "support-if-you-are-in-custody",
        "title": "Support if you are in custody",
        "summary": (
            "Your PA keeps in touch while you are in custody and helps plan where you "
            "will live when you are released."
        ),
        "body": (
            "If you go into custody, you are still a care leaver. You keep your rights "
            "and your PA.\n"
            "\n"
            "Your PA will:\n"
            "- visit you and keep in touch by letter or phone\n"
            "- work with your youth justice or probation worker\n"
            "- help plan where you will live when you come out\n"
            "- make sure you have ID, a bank account and money for your first days\n"
            "\n"
            "Start planning for your release early. Finding a home can take time."
        ),
        "how_to_get": (
            "Tell staff you are a care leaver and ask them to contact the leaving care "
            "team. Your personal adviser (PA) will be in touch."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "prison, custody, young offender institution, yoi, probation, release, youth "
            "justice, sentence, court, jail"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "editor",
        "review_in_days": -88,
    },
    {
        "category": "participation-in-society",
        "slug": "support-if-you-came-to-the-uk-alone-to-seek-asylum",
        "title": "Support if you came to the UK alone to seek asylum",
        "summary": (
            "Help with your immigration case, an interpreter when you need one, and the "
            "same support as other care leavers."
        ),
        "body": (
            "If you came to the UK on your own as a child, you have the same rights as "
            "other care leavers. Your PA is there to help you.\n"
            "\n"
            "We will:\n"
            "- refer you to a qualified immigration adviser or solicitor, free of "
            "charge\n"
            "- book an interpreter for meetings with us\n"
            "- help you get ready for Home Office interviews\n"
            "- help you find English classes, a course or work\n"
            "\n"
            "Waiting for a decision can be stressful. Tell your PA if you are worried. "
            "There is also a support group where you can meet other young people in the "
            "same situation."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA). Tell them if you get any letters from "
            "the Home Office, even if you cannot read them."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "asylum, refugee, immigration, home office, visa, leave to remain, "
            "interpreter, solicitor, brp, status, uasc"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": ["asylum_seeker"],
        "owner": "manager",
        "review_in_days": 70,
    },
    {
        "category": "participation-in-society",
        "slug": "if-you-live-outside-northmoor",
        "title": "If you live outside Northmoor",
        "summary": (
            "If you move away, you keep your PA and your entitlements. Your PA will "
            "still visit you."
        ),
        "body": (
            "You might live outside Northmoor for a course, a job or to be near family. "
            "You are still our care leaver.\n"
            "\n"
            "Your PA will keep in touch and visit you where you live. You can still get "
            "the money and support in this guide, like the setting up home allowance and "
            "the higher education bursary.\n"
            "\n"
            "Some things are run by your local council instead. For example, council tax "
            "help depends on where you live. Your PA will check what your area offers."
        ),
        "how_to_get": (
            "Tell your personal adviser (PA) before you move. They will update your pathway plan."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "moving away, another town, different council, out of area, living "
            "elsewhere, moved, visits, new area"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["out_of_area"],
        "owner": "editor",
        "review_in_days": 205,
    },
    {
        "category": "participation-in-society",
        "slug": "passport-birth-certificate-and-id",
        "title": "Passport, birth certificate and ID",
        "summary": (
            "We pay for your birth certificate, your first passport or other photo ID, "
            "so you can prove who you are."
        ),
        "body": (
            "You need ID for lots of things, like opening a bank account, starting a "
            "job, renting a flat or going abroad.\n"
            "\n"
            "We will pay for:\n"
            "- a copy of your birth certificate\n"
            "- your first passport, or\n"
            "- a provisional driving licence or other photo ID if a passport is not "
            "right for you\n"
            "\n"
            "Your ID documents belong to you. You should have them before you leave "
            "care. Keep them somewhere safe."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA). They will help you fill in the forms and "
            "get your photos."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "passport-and-id",
        "keywords": (
            "passport, birth certificate, id, photo id, identification, proof of "
            "identity, documents, national insurance number"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant", "qualifying"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 115,
    },
    # Money
    {
        "category": "money",
        "slug": "no-council-tax-until-you-are-25",
        "title": "No council tax until you are 25",
        "summary": (
            "If you live in Northmoor and have your own home, you do not pay council tax "
            "until you turn 25."
        ),
        "body": (
            "Council tax is a bill for local services like bins and street lights. Most "
            "adults who rent or own a home have to pay it.\n"
            "\n"
            "If you are a Northmoor care leaver living in Northmoor, you will not pay "
            "any council tax until your 25th birthday. This is because we give you a "
            "full discount.\n"
            "\n"
            "If you share a home with other adults, they may still have to pay their "
            "share. Your PA can explain how this works."
        ),
        "how_to_get": (
            "Your personal adviser (PA) will tell the council tax team when you move in. "
            "Check your first bill says £0 and tell your PA if it does not."
        ),
        "provider_name": "Northmoor Council revenues team",
        "provider_phone": "01632 960 160",
        "provider_email": "council.tax@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "council tax, bills, tax, exemption, discount, ctax, household bills, letter "
            "from council, arrears"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 160,
    },
    {
        "category": "money",
        "slug": "emergency-hardship-money",
        "title": "Emergency hardship money",
        "summary": (
            "A small weekly payment if you run out of money and have no other way to get "
            "food or travel."
        ),
        "body": (
            "Sometimes things go wrong. Your benefits might be late, or you might lose "
            "your job. If you have no money for food, gas or electric, we can help.\n"
            "\n"
            "We can give you up to £50 a week for a short time, usually up to four "
            "weeks. We might give you a food voucher or top up your gas or electric "
            "meter instead of cash.\n"
            "\n"
            "Your PA will also help you sort out what went wrong, so it does not happen "
            "again."
        ),
        "how_to_get": (
            "Call your personal adviser (PA). If you cannot reach them, call the leaving "
            "care duty line."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 5000,
        "amount_period": "week",
        "scheme": "emergency-fund",
        "keywords": (
            "no money, skint, broke, food, hungry, gas, electric, meter, hardship, "
            "crisis, emergency money, food bank"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 40,
    },
    {
        "category": "money",
        "slug": "birthday-gift",
        "title": "Birthday gift",
        "summary": "A £50 gift for your birthday each year.",
        "body": (
            "Birthdays matter. Every year, we send you a £50 gift to mark your "
            "birthday.\n"
            "\n"
            "You can choose a voucher for a shop you like, or we can pay it into your "
            "bank account.\n"
            "\n"
            "Make sure your PA has your up-to-date address and bank details."
        ),
        "how_to_get": (
            "You do not need to apply. Your personal adviser (PA) will sort it out in "
            "the month of your birthday."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 5000,
        "amount_period": "year",
        "scheme": "birthday-gift",
        "keywords": "birthday, present, gift, voucher, celebration, birthday money, treat",
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 325,
    },
    {
        "category": "money",
        "slug": "festive-gift",
        "title": "Festive gift",
        "summary": "A £50 gift in December, or at another festival that matters to you.",
        "body": (
            "The holiday season can be hard when you are living on your own. We send "
            "every care leaver a £50 gift.\n"
            "\n"
            "Most people get it in December. If another festival, like Eid or Diwali, "
            "matters more to you, you can have it then instead.\n"
            "\n"
            "We also hold a free festive lunch every December. You are welcome to come."
        ),
        "how_to_get": (
            "You do not need to apply. Tell your personal adviser (PA) if you want your "
            "gift at a different time of year."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 5000,
        "amount_period": "year",
        "scheme": "christmas-gift",
        "keywords": (
            "christmas, xmas, present, gift, eid, diwali, festival, voucher, christmas "
            "lunch, december"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 290,
    },
    {
        "category": "money",
        "slug": "help-with-money-budgeting-and-a-bank-account",
        "title": "Help with money, budgeting and a bank account",
        "summary": (
            "Free advice to help you open a bank account, plan your money and deal with debts."
        ),
        "body": (
            "Managing money on your own is a skill. Nobody is born knowing how to do "
            "it.\n"
            "\n"
            "A money adviser can help you:\n"
            "- open a bank account\n"
            "- make a budget that works for you\n"
            "- check you are getting all the benefits you should\n"
            "- deal with debts, bills and payday loans\n"
            "\n"
            "If you owe money, get help early. It is easier to fix when the debt is "
            "small. The advice is free and nobody will judge you."
        ),
        "how_to_get": "Call the free advice line or ask your personal adviser (PA) to refer you.",
        "provider_name": "Northmoor Money Advice",
        "provider_phone": "0808 157 0520",
        "provider_email": "money.advice@example.org",
        "provider_website": "https://www.example.org/northmoor-money-advice",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "bank account, budget, budgeting, debt, bills, loans, credit, overdraft, "
            "savings, benefits check, money worries"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 50,
    },
    {
        "category": "money",
        "slug": "your-junior-isa-savings",
        "title": "Your Junior ISA savings",
        "summary": (
            "If you were in care for a year or more, you may have a Junior ISA with "
            "money saved for you."
        ),
        "body": (
            "Many young people who were in care for a year or longer have a Junior ISA. "
            "This is a savings account. The government paid money into it. Other people "
            "may have added more.\n"
            "\n"
            "You can take charge of the account at 16. You can take the money out from "
            "your 18th birthday.\n"
            "\n"
            "The Share Foundation looks after these accounts. They can tell you if you "
            "have one and how to get your money."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to help you contact the Share Foundation. "
            "You will need ID."
        ),
        "provider_name": "The Share Foundation",
        "provider_phone": "",
        "provider_email": "",
        "provider_website": "https://www.example.org/share-foundation",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "junior isa, jisa, savings, savings account, money saved, share foundation, "
            "child trust fund, isa"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 240,
    },
    # Growing up and moving on
    {
        "category": "transition-to-adulthood",
        "slug": "your-pathway-plan",
        "title": "Your pathway plan",
        "summary": (
            "A written plan, made with you, of what you want for your future and the help "
            "you will get to reach it."
        ),
        "body": (
            "Your pathway plan is your plan for leaving care and growing up. You start it "
            "at 16 with your social worker or personal adviser (PA). It keeps going until "
            "you are 21, or 25 if you still want our help.\n"
            "\n"
            "It covers things like:\n"
            "- where you will live, and when you will move\n"
            "- your course, training or job\n"
            "- money, and how you will manage it\n"
            "- your health and how you feel\n"
            "- the people who matter to you\n"
            "\n"
            "Your plan is about you, so your views come first. You can ask for a change "
            "at any time. We check it with you at least every 6 months, and sooner if "
            "something big changes.\n"
            "\n"
            "You should get a copy of your plan. If you do not have one, ask your PA."
        ),
        "how_to_get": (
            "Your social worker or personal adviser (PA) will start your plan with you "
            "soon after you turn 16. You can bring someone you trust to your meetings."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "pathway plan, plan, review, needs assessment, future, goals, leaving care, "
            "moving on, my plan"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 285,
    },
    {
        "category": "transition-to-adulthood",
        "slug": "what-changes-when-you-turn-18",
        "title": "What changes when you turn 18",
        "summary": (
            "At 18 you become an adult in law. Some things change, but your support from "
            "us does not stop."
        ),
        "body": (
            "Turning 18 is a big step. You are now an adult in law. That means you can "
            "make more choices for yourself, like signing a phone contract or opening a "
            "bank account on your own.\n"
            "\n"
            "Some things change:\n"
            "- you are no longer in care, so your social worker hands over to your "
            "personal adviser (PA)\n"
            "- you can claim Universal Credit and other benefits yourself\n"
            "- you can vote in all elections\n"
            "- children's health and support services hand over to adult services\n"
            "\n"
            "Some things stay the same. You keep your PA and your pathway plan. You can "
            "still get the help in this guide until you are 25.\n"
            "\n"
            "If you live with foster carers, you may be able to stay with them after 18. "
            "This is called Staying Put. If you lived in a children's home, ask about "
            "Staying Close."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA) or social worker a few months before your "
            "18th birthday. They will go through what changes for you."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "turning 18, 18th birthday, adult, rights, leaving care, universal credit, "
            "benefits, grown up, what happens at 18"
        ),
        "min_age": 16,
        "max_age": 18,
        "statuses": ["eligible", "relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 225,
    },
    {
        "category": "transition-to-adulthood",
        "slug": "planning-with-adult-services-before-you-turn-18",
        "title": "Planning with adult services before you turn 18",
        "summary": (
            "If you will need adult social care or adult mental health support, we plan "
            "it with you early so nothing stops at 18."
        ),
        "body": (
            "Some young people will need support from adult services after 18. This might "
            "be because of a disability, a learning need or their mental health.\n"
            "\n"
            "In Northmoor, a group of workers from children's and adult services meets "
            "every month. It is called the moving on panel. It looks at young people from "
            "about 16 and a half. It makes sure:\n"
            "- the right adult team knows about you in good time\n"
            "- you get an assessment before you turn 18, if you need one\n"
            "- one worker is in charge of making the plan happen\n"
            "\n"
            "You will not be asked to tell your story again and again. You can say who "
            "you want at your meetings, and you can have an advocate to help you speak "
            "up.\n"
            "\n"
            "If you do not need adult services, your PA will still help you find other "
            "support near you."
        ),
        "how_to_get": (
            "Ask your social worker or personal adviser (PA) to put your name forward to "
            "the moving on panel. It is best to ask from about 16."
        ),
        "provider_name": "Northmoor Council adult social care",
        "provider_phone": "01632 960 520",
        "provider_email": "adult.transitions@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "transition, adult services, adult social care, care act, mental health, "
            "learning disability, autism, moving on panel, assessment, turning 18"
        ),
        "min_age": 16,
        "max_age": 21,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 245,
    },
    {
        "category": "transition-to-adulthood",
        "slug": "moving-on-skills-sessions",
        "title": "Moving on skills sessions",
        "summary": (
            "Free, friendly group sessions to learn the everyday things you need when you "
            "live on your own."
        ),
        "body": (
            "Living on your own means doing lots of small jobs yourself. Our moving on "
            "skills sessions help you feel ready.\n"
            "\n"
            "Each session is about one thing, like:\n"
            "- cooking cheap, simple meals\n"
            "- shopping on a budget\n"
            "- cleaning, washing and keeping your place safe\n"
            "- reading letters and filling in forms\n"
            "- staying safe online and spotting scams\n"
            "\n"
            "Sessions run on Tuesday afternoons at the Moving On Hub in Northmoor town "
            "centre. Groups are small. There is food, and we pay your bus fare.\n"
            "\n"
            "You can go to as many sessions as you like. If groups are not for you, your "
            "PA can go through the same things with you one to one."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to book you a place, or just turn up. You can "
            "also call the Moving On Hub."
        ),
        "provider_name": "Northmoor Moving On Hub",
        "provider_phone": "01632 960 185",
        "provider_email": "moving.on@example.org",
        "provider_website": "https://www.example.org/northmoor/moving-on-hub",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "independent living, life skills, cooking, shopping, cleaning, laundry, "
            "forms, letters, living alone, group, course"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 105,
    },
    {
        "category": "transition-to-adulthood",
        "slug": "a-practice-flat-to-try-living-on-your-own",
        "title": "A practice flat to try living on your own",
        "summary": (
            "Stay for up to two weeks in a furnished flat, with support nearby, to see "
            "what living on your own is like."
        ),
        "body": (
            "Moving out can feel scary. A short stay in our practice flat lets you try it "
            "first, before you move for good.\n"
            "\n"
            "The flat is in the same building as the Moving On Hub. It has everything you "
            "need, like bedding, pans and a washing machine. During your stay you cook, "
            "clean and plan your own days.\n"
            "\n"
            "A worker pops in each day to see how you are getting on. You can call them "
            "if you need help, day or night.\n"
            "\n"
            "At the end, you talk with your PA about what went well and what you want to "
            "practise more. This goes into your pathway plan."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) or social worker. Stays are usually booked a "
            "few weeks ahead."
        ),
        "provider_name": "Northmoor Moving On Hub",
        "provider_phone": "01632 960 185",
        "provider_email": "moving.on@example.org",
        "provider_website": "https://www.example.org/northmoor/moving-on-hub",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "taster flat, training flat, trial, practice, independent living, moving out, "
            "living alone, try it out, short stay"
        ),
        "min_age": 16,
        "max_age": 21,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 155,
    },
    # Homelessness and housing
    {
        "category": "homelessness-and-housing",
        "slug": "if-you-are-asked-to-leave-your-home",
        "title": "If you are asked to leave your home",
        "summary": (
            "If you get a letter telling you to leave, or you might lose your home in the "
            "next 8 weeks, tell us now. Do not wait."
        ),
        "body": (
            "You might be told to leave your home. It could be a letter from the person "
            "you live with or pay, or a problem with money or the people around you.\n"
            "\n"
            "Tell your personal adviser (PA) straight away. Do not wait until you have to "
            "move out. The earlier we know, the more we can do so you can stay.\n"
            "\n"
            "If you might become homeless in the next 56 days (8 weeks), the council must "
            "take steps with you to keep your home or find a new one. This is the law, "
            "and it applies to everyone. The council's homelessness prevention team does "
            "this.\n"
            "\n"
            "Bring any letters you have been given. Do not leave your home just because "
            "someone tells you to. Ask us first."
        ),
        "how_to_get": (
            "Call your personal adviser (PA) or the leaving care duty line on 01632 960 "
            "100. They will contact the homelessness prevention team with you."
        ),
        "provider_name": "Northmoor Council housing options",
        "provider_phone": "01632 960 130",
        "provider_email": "housing.options@example.org",
        "provider_website": "https://www.example.org/northmoor/housing-register",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "notice, eviction, evicted, asked to leave, kicked out, losing my home, 56 "
            "days, prevention, letter, move out"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 30,
    },
    {
        "category": "homelessness-and-housing",
        "slug": "your-personal-housing-plan",
        "title": "Your personal housing plan",
        "summary": (
            "If you are homeless or might be soon, the council writes a plan with you of "
            "the steps you and they will take."
        ),
        "body": (
            "When you go to the council because you are homeless, or might be soon, an "
            "officer from the homelessness prevention team talks to you. They ask about "
            "your situation and what you need.\n"
            "\n"
            "Then they write a plan with you. It says:\n"
            "- what the council will do\n"
            "- what you can do yourself\n"
            "- what will happen next, and when\n"
            "\n"
            "If you are already homeless, the council must work with you for at least 56 "
            "days to find you somewhere to live. Your plan will say how.\n"
            "\n"
            "Your personal adviser (PA) can come to the meeting with you. They can share "
            "what they know, so you do not have to explain everything. You should get a "
            "copy of your plan. If you think it is wrong or unfair, you can ask for it to "
            "be looked at again."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) to book a meeting with the homelessness "
            "prevention team for you. You can also call them yourself."
        ),
        "provider_name": "Northmoor Council housing options",
        "provider_phone": "01632 960 130",
        "provider_email": "housing.options@example.org",
        "provider_website": "https://www.example.org/northmoor/housing-register",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "php, homeless, officer, assessment, steps, plan, relief, prevention, review, 56 days"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 165,
    },
    {
        "category": "homelessness-and-housing",
        "slug": "why-care-leavers-under-21-get-priority",
        "title": "Why care leavers under 21 get priority",
        "summary": (
            "If you are 18, 19 or 20 and were in care at 16 or 17, the council must find "
            "you somewhere to stay if you are homeless."
        ),
        "body": (
            "The law says some people are in priority need if they are homeless. This "
            "means the council must make sure they have somewhere to live.\n"
            "\n"
            "You are in priority need if you are 18, 19 or 20 and you were in care at 16 "
            "or 17. You do not have to prove anything else.\n"
            "\n"
            "If you are 16 or 17 and homeless, children's services must support you. "
            "They will check if you need to come back into care.\n"
            "\n"
            "If you are 21 or over, you may still be in priority need. This can be "
            "because being in care has made things harder for you, or because of your "
            "health. Your PA can explain this to the council with you.\n"
            "\n"
            "While the council looks at your situation, it may give you somewhere to "
            "stay for a short time. We will not place you in a bed and breakfast unless "
            "it is a real emergency, and then only for a few days."
        ),
        "how_to_get": (
            "Call your personal adviser (PA) or the leaving care duty line on 01632 960 "
            "100, day or night. If you are in danger, call 999."
        ),
        "provider_name": "Northmoor Council housing options",
        "provider_phone": "01632 960 130",
        "provider_email": "housing.options@example.org",
        "provider_website": "https://www.example.org/northmoor/housing-register",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "priority need, homeless, under 21, emergency, somewhere to stay, "
            "temporary, b and b, hostel, tonight"
        ),
        "min_age": 16,
        "max_age": 25,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 180,
    },
    {
        "category": "homelessness-and-housing",
        "slug": "local-connection-if-you-want-to-live-in-another-area",
        "title": "Local connection if you want to live in another area",
        "summary": (
            "Where you have a local connection affects which council must look at your "
            "case. As a care leaver you may have one in more than one place."
        ),
        "body": (
            "If you go to a council because you are homeless, it will ask if you have a "
            "local connection to its area. This usually means you have lived or worked "
            "there, or have close family there.\n"
            "\n"
            "Care leavers have extra rights:\n"
            "- if you are under 21, you have a local connection to Northmoor, because we "
            "looked after you\n"
            "- if you lived in a care placement in another area for at least 2 years, "
            "with some of that before you were 16, you also have a local connection "
            "there until you are 21\n"
            "\n"
            "A council should not send you back to an area where you would be at risk of "
            "harm.\n"
            "\n"
            "If you want to move to another area, talk to your PA first. We will contact "
            "the council there with you. We still support you wherever you live."
        ),
        "how_to_get": (
            "Talk to your personal adviser (PA). They can write a letter to the other "
            "council to confirm you are a Northmoor care leaver."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "local connection, another area, moving away, different council, out of "
            "area, placement, other town, move"
        ),
        "min_age": 18,
        "max_age": 25,
        "statuses": ["former_relevant"],
        "circumstances": [],
        "owner": "editor",
        "review_in_days": 265,
    },
    {
        "category": "homelessness-and-housing",
        "slug": "how-leaving-care-and-the-housing-team-work-together",
        "title": "How leaving care and the housing team work together",
        "summary": (
            "Our leaving care team and the council's homelessness team have an agreement "
            "to work together, so problems are picked up early."
        ),
        "body": (
            "In Northmoor, the leaving care team and the homelessness prevention team "
            "have a written agreement. It says how we work together to stop care "
            "leavers becoming homeless.\n"
            "\n"
            "This means:\n"
            "- there is a named officer just for care leavers\n"
            "- we meet every month to plan ahead for young people who will need a home\n"
            "- if there is a problem where you live, we meet with you early to sort it "
            "out\n"
            "\n"
            "Other services must tell the council if they think you might become "
            "homeless in the next 56 days. This is called the duty to refer. It includes "
            "prisons, probation, hospitals and the Jobcentre. They must ask you first, "
            "and you can choose which council they tell.\n"
            "\n"
            "You can read the agreement on our website, or ask your PA for a copy."
        ),
        "how_to_get": (
            "You do not need to ask. If there is a problem with where you live, your "
            "personal adviser (PA) will contact the named officer for you."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "https://www.example.org/northmoor/joint-housing-protocol",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "joint protocol, duty to refer, named officer, working together, homeless, "
            "prevention, referral, agreement"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": [],
        "circumstances": [],
        "owner": "manager",
        "review_in_days": 300,
    },
    # After custody
    {
        "category": "after-custody",
        "slug": "planning-for-your-release",
        "title": "Planning for your release",
        "summary": (
            "We start planning with you well before you come out, so you know where you "
            "will live and who will help."
        ),
        "body": (
            "If you are in prison or a young offender institution, you are still a care "
            "leaver. Your personal adviser (PA) stays in touch and helps you plan for "
            "coming out.\n"
            "\n"
            "We start planning at least 3 months before your release date. Your PA meets "
            "you and the staff who plan releases. Your probation officer or youth justice "
            "worker joins in too.\n"
            "\n"
            "Together, we work out:\n"
            "- where you will live on the day you come out\n"
            "- how you will get there\n"
            "- money for your first days\n"
            "- who you will see, and when\n"
            "\n"
            "The prison must tell the housing team if you might have nowhere to live. We "
            "make sure this happens in good time.\n"
            "\n"
            "If your release date changes, tell your PA as soon as you can."
        ),
        "how_to_get": (
            "Tell staff you are a care leaver and ask them to contact your personal "
            "adviser (PA). You can also ask someone to call the leaving care duty line "
            "for you."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "release, prison, custody, young offender institution, yoi, resettlement, "
            "coming out, release plan, where to live"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "editor",
        "review_in_days": 140,
    },
    {
        "category": "after-custody",
        "slug": "a-bank-account-and-id-before-you-come-out",
        "title": "A bank account and ID before you come out",
        "summary": (
            "We help you get ID and open a bank account while you are still inside, so "
            "you can get money from your first day."
        ),
        "body": (
            "Without ID and a bank account, it is hard to get paid, claim benefits or "
            "find somewhere to live. It is best to sort them out before you leave.\n"
            "\n"
            "Your personal adviser (PA) will:\n"
            "- check what ID you have, and where it is kept\n"
            "- send off for your birth certificate or a passport, and pay for them\n"
            "- help you open a bank account, with the prison's help\n"
            "\n"
            "Many prisons can help you open a basic bank account before release. If "
            "yours cannot, your PA will help you open one in your first week out.\n"
            "\n"
            "Your ID belongs to you. When you come out, keep it somewhere safe."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) at your next visit or call. You can also ask "
            "the prison's resettlement staff."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "bank account, id, birth certificate, passport, identification, prison, "
            "release, documents, proof of identity"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "editor",
        "review_in_days": 200,
    },
    {
        "category": "after-custody",
        "slug": "your-first-days-after-release",
        "title": "Your first days after release",
        "summary": (
            "Your PA can meet you when you come out, take you to where you will live and "
            "give you money for your first days."
        ),
        "body": (
            "The first few days after release can be busy and stressful. You do not have "
            "to do it alone.\n"
            "\n"
            "If you want, your personal adviser (PA) will meet you at the gate. They can "
            "take you to your first appointment with probation or youth justice, and then "
            "to where you will stay.\n"
            "\n"
            "We give you £75 on the day you come out, for food, travel and a phone top "
            "up. This is on top of anything the prison gives you.\n"
            "\n"
            "In your first week, your PA will help you:\n"
            "- claim Universal Credit, if you have not already started a claim\n"
            "- buy food and things you need for where you are staying\n"
            "- sign up with a doctor near you, and sort out any medicine you take\n"
            "\n"
            "Keep your PA's number with you. Call them if anything goes wrong."
        ),
        "how_to_get": (
            "Your personal adviser (PA) will plan this with you before your release "
            "date. Tell them if you want to be met at the gate."
        ),
        "provider_name": "Northmoor Council leaving care team",
        "provider_phone": "01632 960 100",
        "provider_email": "leaving.care@example.org",
        "provider_website": "",
        "amount_pence": 7500,
        "amount_period": "once",
        "scheme": "",
        "keywords": (
            "release day, first day out, gate, coming out, universal credit, money, "
            "travel, food, phone, prison"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "manager",
        "review_in_days": 90,
    },
    {
        "category": "after-custody",
        "slug": "working-with-probation-or-youth-justice",
        "title": "Working with probation or youth justice",
        "summary": (
            "After release you will have a worker from probation or youth justice. Your "
            "PA works with them, so your support fits together."
        ),
        "body": (
            "When you come out, you will usually have rules to follow for a while. This "
            "is often called your licence. A worker checks you are keeping to it.\n"
            "\n"
            "If you are under 18, your worker is from the Northmoor Youth Justice Service. "
            "Some people still call this the youth offending team, or YOT. If you are 18 "
            "or over, your worker is a probation officer.\n"
            "\n"
            "Your personal adviser (PA) is different. Your PA is there to support you, "
            "not to check up on you. With your agreement, your PA and your worker talk to "
            "each other. This means:\n"
            "- your appointments do not clash\n"
            "- you do not have to explain things twice\n"
            "- your PA can help you keep to your licence\n"
            "\n"
            "If you are worried about breaking your licence, talk to your PA early. They "
            "can help you sort it out."
        ),
        "how_to_get": (
            "Your personal adviser (PA) will meet your probation or youth justice worker "
            "before or soon after your release. Ask your PA if you are not sure who your "
            "worker is."
        ),
        "provider_name": "Northmoor Youth Justice Service",
        "provider_phone": "01632 960 455",
        "provider_email": "youth.justice@example.org",
        "provider_website": "",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "probation, probation officer, youth justice, youth offending team, yot, "
            "licence, appointments, recall, supervision"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "editor",
        "review_in_days": 175,
    },
    {
        "category": "after-custody",
        "slug": "learning-and-work-after-custody",
        "title": "Learning and work after custody",
        "summary": (
            "Help to find a course, training or work after you come out, and to "
            "understand what you need to tell an employer."
        ),
        "body": (
            "Having a conviction does not have to stop you learning or working. Lots of "
            "employers give people a second chance.\n"
            "\n"
            "A Northmoor Works adviser can meet you before or after your release. They "
            "can help you:\n"
            "- carry on a course you started inside\n"
            "- find training, an apprenticeship or work\n"
            "- write a CV and get ready for interviews\n"
            "- talk about your conviction with an employer, in your own words\n"
            "\n"
            "After a set time, most convictions become spent. Once a conviction is spent, "
            "for most jobs you do not have to tell an employer about it. Some jobs, like "
            "working with children, are different. Your adviser can help you check.\n"
            "\n"
            "Northmoor Council is a Care Leaver Covenant employer. We look at every care "
            "leaver who applies to us fairly."
        ),
        "how_to_get": (
            "Ask your personal adviser (PA) or your probation or youth justice worker to "
            "refer you to Northmoor Works."
        ),
        "provider_name": "Northmoor Works",
        "provider_phone": "01632 960 840",
        "provider_email": "northmoor.works@example.org",
        "provider_website": "https://www.example.org/northmoor-works",
        "amount_pence": None,
        "amount_period": "",
        "scheme": "",
        "keywords": (
            "conviction, criminal record, spent, disclosure, dbs, employer, training, "
            "course, second chance, after prison"
        ),
        "min_age": None,
        "max_age": None,
        "statuses": ["eligible", "relevant", "former_relevant"],
        "circumstances": ["in_custody"],
        "owner": "editor",
        "review_in_days": 235,
    },
]
