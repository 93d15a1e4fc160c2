namespace Evident.Bench.Import;

/// <summary>
/// The sentence templates and slot fillers behind <see cref="SyntheticFeedback"/>. A template may start with
/// <c>[domain,domain]</c> to say which businesses it fits; slots are written <c>{name}</c> (see <see cref="Slot"/>).
/// <c>{positive}</c> and <c>{negative}</c> take a clause from <see cref="PositiveClauses"/> or
/// <see cref="NegativeClauses"/>. A sentence is capitalised when it is rendered.
/// </summary>
internal static class FeedbackPhrases
{
    /// <summary>Whole complaints, by theme.</summary>
    public static readonly string[] Negative =
    [
        // waiting, queues
        "I was on hold for {mins} minutes.",
        "Waited {mins} minutes on the phone just to be cut off.",
        "The queue at the {place} was ridiculous, well over {mins} minutes.",
        "Only one {staff} on duty and a queue out the door.",
        "I waited {mins} minutes to be seen and nobody apologised.",
        "Spent over an hour queuing at the {place}.",
        "Stood in line for {mins} minutes while staff chatted behind the counter.",
        "Your call is important to us, apparently, but not important enough to answer for {mins} minutes.",
        "[food] Waited {mins} minutes for our food and it came out cold.",
        "[grocery] Only two tills open on a {day} evening, the queue went back to the freezers.",
        "[air] The queue for bag drop took {mins} minutes and we nearly missed the flight.",
        "[clinic] Sat in the waiting room for {mins} minutes past my appointment time.",
        "[hotel] Check-in took {mins} minutes because only one {staff} was working.",
        // delays
        "My {booking} was delayed by {hours} hours with no explanation.",
        "The {booking} was late again, the {ordinal} time this month.",
        "Delays every single week, it is just not acceptable.",
        "[air,rail] We were kept waiting {hours} hours past the scheduled departure.",
        "[air] Missed my connection because of the delay and had to sleep at the airport.",
        "[air] Sat on the plane on the runway for {hours} hours with no water.",
        "[rail] The train was {mins} minutes late and I missed an important meeting.",
        "[telecom] The engineer was {hours} hours late and did not even call ahead.",
        "[clinic] My appointment was pushed back {ordinal} time and I am still in pain.",
        // cancellations
        "My {booking} was cancelled the night before with no notice.",
        "They cancelled my {booking} twice and never offered an alternative.",
        "Cancelled at the last minute, I had taken the day off work for nothing.",
        "Got a text at {clock} saying my {booking} was cancelled.",
        "[air,rail] The {booking} was cancelled and the replacement was {hours} hours later.",
        "[telecom] The engineer never turned up, I took a day off for nothing.",
        // bookings, appointments
        "Booking online was a nightmare, it kept failing at the payment step.",
        "They lost my {booking} and had no record of it.",
        "The earliest {booking} they could offer me was in {weeks} weeks.",
        "Tried to change my {booking} and was told it was impossible.",
        "[clinic] Rang at 8am on the dot and all the appointments were gone by 8:05.",
        "[food,hotel] We had a confirmed {booking} and they gave our table away.",
        "[hotel] They had no record of our reservation and the hotel was full.",
        // lost or damaged
        "My {item} was lost and nobody can tell me where it is.",
        "Still no sign of my {item} after {days} days.",
        "[air,telecom,shop,grocery,hotel,courier] The {item} arrived damaged and the box was soaking wet.",
        "[shop,grocery,courier,food] My {item} was left outside in the rain.",
        "[shop,grocery,courier] They marked my {item} as delivered but it never arrived.",
        "[air] My {item} came off the carousel with a broken handle and a torn side.",
        "[courier] The driver threw my parcel over the fence.",
        "[courier,shop] Photo proof of delivery shows someone else's front door.",
        "[grocery] Eggs smashed and the bread squashed under a crate of water.",
        // rude staff
        "The {staff} was rude and dismissive.",
        "The {staff} rolled their eyes at me and walked off.",
        "Staff were unhelpful and clearly did not care.",
        "I was spoken to like an idiot by the {staff}.",
        "The {staff} was on their phone the whole time.",
        "The {staff} said \"not my problem\" and walked away.",
        "The {staff} argued with me in front of everyone.",
        "[clinic] The receptionist asked about my symptoms in front of a full waiting room.",
        // customer service
        "Customer service is useless, I have called {times} times and nothing has been fixed.",
        "Every time I call I get a different answer.",
        "I raised a complaint {weeks} weeks ago and have had no reply.",
        "Nobody takes responsibility, I just keep getting passed around.",
        "Your support team promised a call back that never came.",
        "I have explained the problem to {times} different people now.",
        "The live chat closed on me after {mins} minutes in the queue.",
        // communication
        "Nobody told us anything about the delay.",
        "No updates, no emails, nothing.",
        "I had to find out from another customer that the {booking} was cancelled.",
        "The information on the {channel} was completely wrong.",
        "Nobody explained what was going on or how long it would take.",
        "Three different staff gave us three different answers.",
        "The tracking said \"out for delivery\" for {days} days.",
        // billing
        "I was charged twice for the same {booking}.",
        "My bill went up by {money} without any warning.",
        "There is a {money} charge on my statement that nobody can explain.",
        "Still being billed after I cancelled in {month}.",
        "[telecom] My contract ended in {month} and they kept charging me the old price.",
        "[bank] I was charged an overdraft fee of {smallmoney} because a payment took {days} days to clear.",
        // price, value
        "Far too expensive for what you get.",
        "Paying {money} for this is a joke.",
        "Prices keep going up while the service gets worse.",
        "Poor value for money, I can get better elsewhere for half the price.",
        "They call this \"premium\" service?",
        // refunds
        "Still waiting for my refund of {money} after {weeks} weeks.",
        "[shop,telecom] They refused a refund even though the {product} was faulty.",
        "I was promised a refund and it never appeared.",
        "The refund process is deliberately complicated.",
        "[shop] The returns label never arrived, so I am stuck with a jacket that does not fit.",
        "[air,rail] I claimed compensation for the delay in {month} and have heard nothing since.",
        // product quality
        "Really disappointed with the {product}.",
        "Quality has gone downhill badly over the last year.",
        "The {product} was well below the standard I expected.",
        "[shop,telecom] The {product} stopped working after {days} days.",
        "[food] The {product} was cold, greasy and tasteless.",
        "[food] Found a hair in my {product}, disgusting.",
        "[grocery] The fruit was mouldy the day after I bought it.",
        "[hotel] The room had not been cleaned and the sheets were stained.",
        "[hotel] The air conditioning did not work and we barely slept.",
        "[air] My seat was broken and the crew could not move me.",
        "[telecom] My broadband has dropped out every evening for {weeks} weeks.",
        "[clinic] The doctor barely looked at me and rushed me out in {smins} minutes.",
        // delivery
        "[shop,grocery,courier,food] The delivery was {days} days late.",
        "[shop,grocery,courier] The driver did not even knock, just left a card.",
        "[shop,grocery,courier] The delivery slot was {clock} to {clock} and nobody showed up.",
        "[shop,grocery,food] Half of my order was missing.",
        "[shop] The \"express\" delivery took {days} days.",
        // app, website
        "The app keeps crashing when I try to log in.",
        "The {channel} just says \"something went wrong\" every time.",
        "Couldn't pay online, the {channel} kept timing out.",
        "The {channel} logged me out {times} times in ten minutes.",
        "Password reset emails never arrive.",
        "The {channel} is slow, confusing and full of bugs.",
        // phone menus, bots
        "The phone menu goes round in circles and never lets you speak to a person.",
        "The chatbot is useless, it just keeps sending me to the FAQ.",
        "Pressed {count} options on the phone menu and ended up back at the start.",
        "Why can I not speak to a real human?",
        "The automated line hung up on me {times} times.",
        // cleanliness
        "The {place} was filthy and the toilets were disgusting.",
        "Dirty floors and overflowing bins everywhere.",
        "The {place} smelled awful.",
        "[rail] The toilets on the train were out of order for the whole journey.",
        // safety
        "I did not feel safe at the {place} late at night.",
        "There was broken glass on the floor and nobody cleaned it up.",
        "The {staff} ignored a clear safety issue.",
        "[rail] The train was so packed I had to stand squashed in the doorway for {hours} hours.",
        // availability, out of stock
        "[grocery] Half the shelves were empty again.",
        "[shop,grocery] Everything I wanted was out of stock.",
        "[shop,grocery] Told it would be back in stock in {days} days, still nothing.",
        "[food] They had run out of half the menu by {clock}.",
        "[clinic] The pharmacy had run out of my prescription for the {ordinal} time.",
        // accessibility
        "There was no step-free access and the lift was broken.",
        "As a wheelchair user I could not even get through the door.",
        "The assistance I booked never turned up.",
        "The {channel} does not work with my screen reader at all.",
        // policies, fees
        "A {smallmoney} fee just to change the name on the {booking} is outrageous.",
        "Hidden fees everywhere.",
        "The cancellation policy is unfair and nobody explained it.",
        "Charged a late fee even though the delay was their fault.",
        "[air] They charged me {money} because my bag was 2kg over.",
        "[hotel] A {smallmoney} \"resort fee\" appeared on the bill at checkout.",
        // general
        "Absolutely the worst experience I have had with {company}.",
        "Terrible service from start to finish.",
        "I have been a customer for {years} years and I am now leaving.",
        "I was told {days} days and it took {weeks} weeks.",
        "Nothing about this was easy.",
    ];

    /// <summary>Whole praise, by theme.</summary>
    public static readonly string[] Positive =
    [
        // waiting
        "I was seen within {smins} minutes.",
        "No queue at all, in and out in {smins} minutes.",
        "My call was answered straight away.",
        "Even on a busy {day} the wait was short.",
        // punctuality
        "[air,rail,telecom,clinic,courier,shop,grocery] The {booking} was right on time.",
        "Everything ran exactly to schedule.",
        "[air] We landed {mins} minutes early!",
        // bookings
        "Booking was quick and easy on the {channel}.",
        "Changing my {booking} took less than a minute.",
        "They sorted my {booking} out the same day, which I did not expect.",
        // staff
        "The {staff} was friendly and really helpful.",
        "{name} at the {place} went above and beyond.",
        "Staff were polite, patient and professional.",
        "The {staff} explained everything clearly.",
        "Lovely {staff}, could not have been nicer.",
        "The {staff} remembered my name from last time, a nice touch.",
        "The {staff} said \"leave it with me\" and actually sorted it.",
        "Special thanks to {name}, who was brilliant with my kids.",
        // customer service
        "Customer service sorted my problem in one call.",
        "The support team replied within {hours} hours and fixed it.",
        "Really impressed with how my complaint was handled.",
        "{name} on the phone was patient and solved it in {smins} minutes.",
        // communication
        "They kept me updated by text the whole way.",
        "Clear information and regular updates.",
        "They let me know about the change {days} days in advance, which helped a lot.",
        // billing
        "Billing is clear and I have never had an issue.",
        "They spotted a billing mistake and refunded it before I asked.",
        // price, value
        "Great value for money.",
        "Good prices and a great loyalty scheme.",
        "Worth every penny.",
        // refunds
        "My refund of {money} came through in {sdays} days.",
        "The refund was processed quickly with no fuss.",
        "[shop] Returns were free and easy, the money was back in {sdays} days.",
        // quality
        "The {product} was excellent.",
        "The {product} was better than I expected.",
        "Great quality, exactly as described.",
        "[food] The {product} was delicious and came out quickly.",
        "[hotel] The room was spotless and the bed was really comfortable.",
        "[telecom] Fast, stable connection, even with the whole family online.",
        "[clinic] The doctor listened properly and took her time with me.",
        "[air] Comfortable seat, decent food and a smooth flight.",
        "[rail] Clean train, a seat for everyone and working wifi.",
        "[grocery] The fruit and veg were fresh and the bread was still warm.",
        // delivery
        "[shop,grocery,courier,telecom] The {item} arrived a day early and well packaged.",
        "[shop,grocery,courier,food] Delivery was fast and the driver was very polite.",
        "[shop,grocery,courier] Tracking was accurate to the minute.",
        "[courier] The driver put the parcel exactly where I asked.",
        // app, website
        "The app is easy to use and really fast.",
        "The new {channel} is a big improvement.",
        "[air,rail,hotel] Checked in on the app in under a minute.",
        "Everything I needed was easy to find on the {channel}.",
        // phone, bots
        "Got through to a real person straight away, no menus.",
        "The chat assistant actually answered my question.",
        // cleanliness
        "The {place} was spotless.",
        "Clean, bright and well organised.",
        // safety
        "I always feel safe here, even late in the evening.",
        "Staff took my safety concern seriously and acted immediately.",
        // availability
        "[shop,grocery] Everything I needed was in stock.",
        "[grocery,food,shop] Plenty of choice and well stocked.",
        // accessibility
        "The assistance team met me at the door and helped with my wheelchair.",
        "Step-free access and a working lift, thank you.",
        "[clinic,bank,hotel] They found me a quiet room because I struggle with noise, very thoughtful.",
        // policies, fees
        "No hidden fees, what you see is what you pay.",
        "They waived the change fee without me even asking.",
        // general
        "Excellent service from start to finish.",
        "Best experience I have had with {company} in years.",
        "Fast, friendly and efficient.",
        "A really smooth experience.",
        "Been a customer for {years} years and never had a problem.",
        "Could not fault anything.",
        "The whole process was simple, even for me.",
        "They made a stressful day so much easier.",
    ];

    /// <summary>Praise that fits inside a mixed sentence: lower case, no full stop.</summary>
    public static readonly string[] PositiveClauses =
    [
        "good {product}",
        "the {staff} was friendly",
        "the {channel} works well",
        "prices are fair",
        "the {place} was clean",
        "[air,rail,courier,clinic] the {booking} was on time",
        "[shop,grocery,courier,food] delivery was quick",
        "staff were polite",
        "the {product} is decent",
        "booking was easy",
        "[food,grocery,shop] great selection",
        "the refund came through eventually",
        "support were helpful in the end",
        "[shop,grocery,courier,air,hotel] the {item} arrived safely",
        "{name} was lovely",
        "the {product} was nice",
        "the {staff} did their best",
        "it is handy for me",
    ];

    /// <summary>Complaints that fit inside a mixed sentence: lower case, no full stop.</summary>
    public static readonly string[] NegativeClauses =
    [
        "the queue was long",
        "I was on hold for {mins} minutes",
        "the {channel} is clunky",
        "it was quite expensive",
        "nobody told us about the delay",
        "the {place} could have been cleaner",
        "[shop,grocery,food] a few things were out of stock",
        "[air,rail,courier,clinic,telecom] the {booking} was {mins} minutes late",
        "the phone menu is a pain",
        "there was a {smallmoney} booking fee",
        "it took {days} days to get a reply",
        "the {staff} seemed rushed",
        "parking is a nightmare",
        "the chatbot was useless",
        "the refund took ages",
        "[shop,grocery,courier] the packaging was a bit damaged",
        "communication could be better",
        "the lift was out of order",
        "I was charged a fee I did not expect",
        "the {channel} crashed twice",
        "the wait was too long",
    ];

    /// <summary>Mixed sentences for passives (and, negative side last, for mild detractors).</summary>
    public static readonly string[] Mixed =
    [
        "{positive} but {negative}.",
        "{positive}, although {negative}.",
        "{positive}, shame {negative}.",
        "Overall ok, {positive} but {negative}.",
        "{positive}, however {negative}.",
        "{positive}; only thing is {negative}.",
    ];

    /// <summary>Lukewarm sentences for passives.</summary>
    public static readonly string[] Mild =
    [
        "It was fine, nothing special.",
        "Pretty good overall.",
        "Decent service.",
        "Mostly fine.",
        "No major complaints.",
        "Could be a bit quicker.",
        "Good, not great.",
        "Some room for improvement.",
        "Did the job.",
        "An average experience.",
        "Generally good.",
        "A bit slow but okay.",
        "Better than last time.",
        "Fine for the price.",
    ];

    /// <summary>Neutral context a comment may open with.</summary>
    public static readonly string[] Openers =
    [
        "I have been a customer for {years} years.",
        "This was my {ordinal} visit this year.",
        "Visited the {place} on {day} afternoon.",
        "Used the {channel} for the first time.",
        "Called about my {booking} on {day}.",
        "Booked through the {channel} last {day}.",
        "Reference {ref}.",
        "Came in with my two kids.",
        "Travelling for work.",
        "Order {ref}.",
        "Regarding my {booking} on {day} {clock}.",
        "Went in on {day} morning.",
        "Second time using {company}.",
        "My partner booked this for us.",
    ];

    public static readonly string[] NegativeClosers =
    [
        "Never again.",
        "Sort it out.",
        "Very disappointed.",
        "Will be taking my business elsewhere.",
        "What a joke.",
        "Why is this so hard?",
        "Is anyone actually in charge?",
        "Absolutely shocking.",
        "Not good enough.",
        "I expect better.",
        "Fix it, please.",
        "Do better.",
        "Cancelling my account.",
        "Unacceptable!!",
        "Would give zero if I could.",
        "Avoid.",
    ];

    public static readonly string[] PositiveClosers =
    [
        "Thank you!",
        "Would recommend.",
        "Keep it up.",
        "Will definitely be back.",
        "10/10.",
        "Brilliant.",
        "Thanks again to the team!",
        "Highly recommend to anyone.",
        "Great job, everyone.",
        "Happy customer!",
        "Five stars.",
        "Couldn't ask for more.",
    ];

    public static readonly string[] PassiveClosers =
    [
        "Would probably use again.",
        "Not bad overall.",
        "Room for improvement, but fine.",
        "Might come back.",
        "Would maybe recommend.",
    ];

    public static readonly string[] NegativeEmoji = ["\U0001F621", "\U0001F644", "\U0001F44E", "\U0001F620"];

    public static readonly string[] PositiveEmoji = ["\U0001F642", "\U0001F44D", "\U0001F60A", "\U0001F64F"];

    public static readonly string[] Names =
    [
        "Sarah", "James", "Priya", "Tom", "Aisha", "Mark", "Chen", "Olga", "David", "Maria", "Kwame", "Emma", "Raj",
        "Lucy", "Mohammed", "Sophie",
    ];

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ];

    public static readonly string[] Ordinals = ["second", "third", "fourth", "fifth"];

    /// <summary>Fillers for the business-specific slots, per <see cref="Domain"/>, in <see cref="Slot"/> order
    /// (company, staff, place, booking, item, product, channel).</summary>
    public static readonly string[][][] DomainFillers =
    [
        // Airline
        [
            ["this airline", "the airline"],
            ["flight attendant", "gate agent", "check-in agent", "cabin crew member"],
            ["airport", "check-in desk", "gate", "baggage desk"],
            ["flight", "connecting flight", "return flight"],
            ["suitcase", "luggage", "bag", "pushchair"],
            ["in-flight meal", "seat", "legroom", "inflight entertainment"],
            ["app", "website", "online check-in"],
        ],
        // Rail
        [
            ["this train company", "the railway"],
            ["conductor", "ticket inspector", "guard", "ticket office clerk"],
            ["station", "ticket office", "platform"],
            ["train", "connecting train", "morning train"],
            ["bag", "bike", "laptop bag"],
            ["journey", "seat", "wifi on board"],
            ["app", "website", "ticket machine"],
        ],
        // Telecom
        [
            ["this provider", "the phone company"],
            ["engineer", "call centre agent", "sales advisor"],
            ["store", "shop"],
            ["engineer appointment", "installation", "repair visit"],
            ["new router", "replacement SIM", "phone"],
            ["broadband", "signal", "connection", "router"],
            ["app", "online account", "website"],
        ],
        // Bank
        [
            ["this bank", "the bank"],
            ["cashier", "advisor", "branch manager", "fraud team agent"],
            ["branch", "cash machine"],
            ["appointment", "branch appointment", "mortgage appointment"],
            ["new card", "PIN letter", "replacement card"],
            ["mortgage advice", "savings account", "mobile banking", "credit card"],
            ["banking app", "online banking", "website"],
        ],
        // OnlineShop
        [
            ["this shop", "the store"],
            ["customer service agent", "courier", "live chat advisor"],
            ["collection point", "returns desk"],
            ["delivery", "order", "click and collect slot"],
            ["parcel", "order", "package"],
            ["product", "jacket", "phone case", "pair of shoes"],
            ["website", "app", "checkout page"],
        ],
        // Restaurant
        [
            ["this restaurant", "the café"],
            ["waiter", "waitress", "manager", "barista"],
            ["restaurant", "café", "counter"],
            ["table", "reservation", "takeaway order"],
            ["takeaway order", "delivery"],
            ["food", "pizza", "coffee", "burger", "curry"],
            ["ordering app", "website", "QR code menu"],
        ],
        // Supermarket
        [
            ["this supermarket", "the store"],
            ["cashier", "store manager", "security guard", "delivery driver"],
            ["store", "supermarket", "checkout", "self-checkout area"],
            ["delivery slot", "click and collect slot", "online order"],
            ["shopping", "grocery order"],
            ["fresh produce", "bread", "fruit", "meat counter"],
            ["app", "website", "self-checkout"],
        ],
        // Clinic
        [
            ["this practice", "the clinic"],
            ["receptionist", "nurse", "doctor", "pharmacist"],
            ["surgery", "clinic", "waiting room", "pharmacy"],
            ["appointment", "blood test", "follow-up appointment", "scan"],
            ["prescription", "test result", "referral letter"],
            ["treatment", "care", "consultation", "aftercare"],
            ["online booking system", "patient app", "website"],
        ],
        // Hotel
        [
            ["this hotel", "the hotel"],
            ["receptionist", "concierge", "housekeeper", "night manager"],
            ["hotel", "lobby", "front desk"],
            ["booking", "reservation", "room booking"],
            ["luggage", "suitcase", "laundry"],
            ["room", "breakfast", "bed", "shower"],
            ["booking site", "app", "website"],
        ],
        // Courier
        [
            ["this courier", "the delivery company"],
            ["driver", "depot manager", "call centre agent"],
            ["depot", "collection point", "post office counter"],
            ["delivery", "redelivery", "collection"],
            ["parcel", "package", "letter"],
            ["service", "tracking", "delivery", "parcel locker"],
            ["tracking page", "app", "website"],
        ],
    ];
}
