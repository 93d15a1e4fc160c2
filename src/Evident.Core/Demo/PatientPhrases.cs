namespace Evident.Core.Demo;

/// <summary>
/// What patients write, topic by topic, as templates for <see cref="Phrase"/>: <c>{a|b}</c> picks one, <c>[min]</c>
/// and the other slots come from what happened (minutes on hold, the clinic, what the patient was trying to do).
/// </summary>
internal static class PatientPhrases
{
    // ---- the phone menu and what came with it

    public static readonly string[] PhoneMenu =
    [
        "{Pressed|I pressed|You press} 1 then 3 and {got cut off|the line went dead|it just hung up on me}.",
        "The new phone menu is {a nightmare|awful|ridiculous|a joke|so confusing|hopeless}{, [steps] options before you get anywhere|, far too many options| and none of the options fit what I needed|}.",
        "{Your|The} automated system {kept sending me back to the main menu|asked for my date of birth three times and then hung up|didn't understand a word I said|couldn't understand my answers}.",
        "I just wanted to {speak|talk} to a real person, not {a robot|a machine|an automated voice}.",
        "Press 1 for this, press 2 for that, and {none of the options|not one of the options} {were|was} what I needed.",
        "{Stuck|Went round} in a loop on the phone menu {for ages|for 20 minutes|twice|again}.",
        "Since you changed the phone system it's {impossible|nearly impossible|a nightmare} to {get through to|reach} a human being.",
        "Why does the phone menu need [steps] {steps|options|questions} just to [task]?",
        "The voice recognition {on the phone line |}{is useless|never understands me|kept mishearing my date of birth}.",
        "{Please|Pls} bring back the old phone system{, the new one is hopeless|, at least you could speak to someone|}.",
        "The automated message {tells you to use the website|says your call is important} and then {puts you back in the queue|cuts you off}.",
        "My {mum|dad|husband|nan} is {80|elderly|hard of hearing|not good with technology} and {can't|just can't} manage the new phone menu{ at all|}.",
        "Had to go through {[steps]|all the} menu options {twice|again} after {being|getting} cut off.",
        "{Every|Each} time I {ring|call} I end up back at the main menu.",
        "{Impossible|It's impossible|Almost impossible} to get a human on the phone {now|these days|anymore}.",
        "The menu options send you round in circles{, option 1 tells you to go online| and back to the start|}.",
        "What was wrong with the old phone system? The new automated one is {so much worse|a disaster|painful}.",
        "{Spent|Wasted} {ten|15|20} minutes pressing buttons on the phone menu {before I even got in the queue|and never spoke to anyone}.",
        "{Whoever|Whoever it was who} designed the new phone menu has never {tried to|had to} [task] {while unwell|with a sick child|on a lunch break}.",
        "{You|They} {now|} have to listen to {five|six|seven} menu options before {you can|anyone lets you} speak to a real person.",
    ];

    public static readonly string[] Hold =
    [
        "{I was|Was} on hold for [min] minutes{ to [task]| just to [task]|}.",
        "[min] minutes on hold{, then cut off| and still no answer|, then I gave up|}.",
        "{Waited|I waited} [min] minutes for someone to {answer|pick up}.",
        "I was number {8|12|15|19|23} in the queue{ for over half an hour| at 8am|}.",
        "{Spent|I spent} {over an hour|[min] minutes|most of the morning} on the phone {just |}to [task].",
        "{Couldn't|Can't|cant} get through {for days|on the phone|at all}{, the line is always busy|}.",
        "The hold music {is driving me mad|played on a loop for [min] minutes}.",
        "[min] minutes on hold is {not acceptable|ridiculous|far too long} for a {clinic|healthcare provider|GP practice}.",
        "Took forever to get through{ on the phone| again|}.",
        "{Kept|I was kept} on hold {for ages|for [min] minutes|forever}.",
        "{Rang|Called} at 8 on the dot and was still {waiting|in the queue} at {8:45|9:10|9:30}.",
        "{On hold|Held in the queue} for [min] minutes {with a sick toddler|on my lunch break|while at work|again}.",
        "Wait times on the phone are {awful|terrible|shocking|getting worse} {now|these days|lately}.",
        "The {recorded message|automated voice} kept saying I was {next|third} in the queue for [min] minutes.",
    ];

    public static readonly string[] Transfer =
    [
        "{Got|Was|Been} transferred {three|3|four|two} times{ and had to explain everything again each time| and ended up back where I started|}.",
        "Passed from pillar to post{ for a simple question| between departments|}.",
        "{They|The receptionist|The first person} put me through to the wrong department{, twice| and I had to start again|}.",
        "Every time I got transferred I had to {give|repeat} my date of birth {again|all over again}.",
        "{Transferred|Got transferred} to {billing|the nurses line|another department} and {then cut off|nobody picked up|the line went dead}.",
        "{Spoke to|Talked to} {three|four|3} different people {and none of them could help|before anyone could answer a simple question}.",
        "{Why|Why on earth} does every call get transferred {now|these days}? Nobody {seems to know|knows} who does what.",
        "{The call centre|Whoever answered} couldn't help and transferred me to {another department|the nurses line}, who transferred me back.",
    ];

    public static readonly string[] CallbackMissed =
    [
        "{Was|I was} promised a call back {that never came|within the hour and nothing|the same day, still waiting}.",
        "{Nobody|No one} called me back{ as promised| despite two requests|}.",
        "They said someone would {call|ring} me back {within 24 hours|the same day|that afternoon}{. Never happened|. Still waiting| and nobody did}.",
        "{Requested|Asked for|Left my number for} a callback {twice|three times|on Monday} and {heard nothing|no one called back|never got a call back}.",
        "Still waiting for a call back about [topic].",
        "{Told|I was told} the {nurse|team|doctor} would call me back. Never got a call back.",
        "{The|A} callback {was|got} booked for {the afternoon|Tuesday|the next day} but nobody called me back{ and I wasted the day waiting|}.",
    ];

    public static readonly string[] CutOff =
    [
        "{Got|Was} cut off {after [min] minutes|twice|as soon as someone answered}.",
        "The line {went dead|just went dead|dropped} after [min] minutes on hold.",
        "The system hung up on me{ twice| after I'd waited ages| halfway through the menu|}.",
        "{Cut off|Disconnected} {again|for the second time|mid sentence}{, had to start all over|}.",
    ];

    public static readonly string[] Repeat =
    [
        "{Had to|I had to} {call|ring|phone} [n] times {to [task]|before anyone answered|this week}.",
        "Calling for the [nth] time about the same thing.",
        "{Rang|Called} {so many times|multiple times|4 times} {and got nowhere|before I got through|just to [task]}.",
        "I keep calling {back |}and {never get anywhere|get cut off every time|end up giving up}.",
        "{Phoned|Called} [n] times to [task]{. Ridiculous|, that's not normal|}.",
    ];

    public static readonly string[] EmailSlow =
    [
        "{Took|It took} {three days|nearly a week|four days} to get a reply to my email.",
        "Emailed {on Monday|twice|last week} and {heard nothing for days|no reply for days}.",
        "{Your|The} email replies are {so slow|really slow|painfully slow}{, I ended up phoning|}.",
    ];

    // ---- what patients praise

    public static readonly string[] StaffKind =
    [
        "The nurse was {lovely|amazing|wonderful} and put me at ease.",
        "The doctor was {very kind|so kind|really kind} and took the time to explain everything.",
        "{The receptionist|Reception} was {so friendly|very friendly|really friendly|super friendly}{ and sorted everything| as always|}.",
        "All the staff at [clinic] are {kind and caring|so caring|very caring|really friendly}.",
        "{The nurses|Nurses} {were|are} {amazing|lovely|wonderful} with my {daughter|son|mum|dad}{, so patient|}.",
        "{Very|Really|So} professional and reassuring{ throughout|}.",
        "The nurse {on the phone|on the nurses line|} was {so patient|very patient|really kind} with me.",
        "{Lovely|Friendly|Wonderful} staff{ as always|, nothing is too much trouble|}.",
        "The doctor {listened|actually listened} and never made me feel rushed.",
        "{Everyone|Every single person} was {friendly and helpful|so friendly|kind and patient}.",
        "The {nurse|healthcare assistant} who took my bloods was {so gentle|really gentle|very reassuring}.",
        "{Huge|Big} thanks to the nurses at [clinic] for {looking after me|their kindness|being so kind}.",
        "The staff were {lovely|so kind|brilliant} with my {anxious|autistic|elderly} {son|mum|dad}.",
        "{Doctor|The GP} was very professional and {really kind|so kind|very friendly}.",
        "{Staff|The staff} always greet you with a smile{ at [clinic]|}.",
        "The nurse took the time to {go through|explain} my results{ properly| and answer all my questions|}.",
    ];

    /// <summary>Kindness noticed at the end of a bad contact.</summary>
    public static readonly string[] StaffKindThough =
    [
        "{Once I got through|When I finally got through|Eventually}, the nurse was lovely{ though|}.",
        "{Once I got through|When I finally got through|Eventually}, the receptionist was very kind{ and sorted it|}.",
        "The staff {themselves |}are {lovely|so kind|really friendly}, it's the phones that are the problem.",
        "{To be fair|In fairness}, the {nurse|receptionist} I spoke to was {so friendly|very patient|really kind}.",
        "Not the staff's fault, {they were|everyone was} {so kind|lovely|very professional} once I got through.",
    ];

    public static readonly string[] App =
    [
        "Booking {online|through the app|on the app} is {really easy|so easy|quick and easy|a breeze}.",
        "{Love|I love|Really like} the app{, booked my appointment in two minutes|, so much easier than phoning|}.",
        "The app is easy to use{ and shows all my appointments|, the reminders are really handy|}.",
        "{Great|Handy|Useful} that you can {see your results|order prescriptions|rebook} in the app.",
        "Online booking {works well|is brilliant|is so quick}.",
    ];

    public static readonly string[] AppInsteadOfPhone =
    [
        "{Thank goodness for|Luckily there's} the app{, because the phones are hopeless| as the phone line is useless now|}.",
        "{Gave up|I gave up} on the phone and booked {online|in the app} {instead|in the end}.",
        "{Use|Just use} the app, {don't bother phoning|the phone menu is a waste of time}.",
    ];

    public static readonly string[] QuickPhone =
    [
        "Got through straight away and {the receptionist sorted my appointment|booked in minutes|it was sorted in no time}.",
        "Phone answered quickly{ and the lady was really helpful| and sorted in minutes|}.",
        "{Easy|Quick} to get through{ on the phone|} and {booked the same day|got a slot that suited me}.",
        "{The receptionist|Reception} answered quickly and was {really helpful|so friendly|very helpful}.",
    ];

    public static readonly string[] ChatGood =
    [
        "The chat was {quick|fast} and the {person|lady|guy} was {really helpful|very helpful|lovely}.",
        "{Live chat|The web chat} {sorted it|answered my question} in {five minutes|minutes|no time}.",
        "{Easy|Quick} to {sort|rebook} over the chat{, much better than phoning|}.",
    ];

    public static readonly string[] OnTime =
    [
        "{Seen|I was seen} {on time|straight away|within five minutes of arriving}.",
        "{Appointment|My appointment} ran on time{ for once|, which I appreciated|}.",
        "{In and out|In and out in 20 minutes}, {very efficient|really efficient|no fuss}.",
    ];

    public static readonly string[] ResultsQuick =
    [
        "Results came back {quickly|in two days|really fast}{ and the nurse explained them|}.",
        "{My prescription|Prescription} was ready {the next day|the same day|when they said}.",
        "{The|My} repeat prescription {was sorted|went through} {without any fuss|really quickly}.",
    ];

    public static readonly string[] Clean =
    [
        "The clinic is always {spotless|very clean|clean and tidy}.",
        "{Lovely|Bright} clean waiting room{ and comfortable chairs|}.",
    ];

    // ---- what patients complain of whatever the phones do

    public static readonly string[] BillConfusion =
    [
        "Got a bill for {a consultation|a blood test|a follow up} that {was supposed to be|I was told would be} covered by my plan.",
        "{The|Your} invoices are {impossible to understand|really confusing|so confusing}{. What is an admin fee?|.}",
        "{I was|Got} charged twice for the same {appointment|blood test|scan}{ and it took weeks to sort out|}.",
        "Nobody {could|can} explain the charges on my {statement|bill}.",
        "{The|My} direct debit {went out|was taken} {twice|on the wrong date} this month{ with no explanation|}.",
        "Got charged a {cancellation fee|missed appointment fee} {even though|when} I cancelled {two days|48 hours} in advance{, why?|.}",
        "The monthly payment for the care plan went up {without any warning|with no notice|again}.",
        "{Still|I'm still} confused about {the bill|my invoice|what I owe}{ after two phone calls|}.",
    ];

    public static readonly string[] Parking =
    [
        "Parking at [clinic] is a nightmare{, I was nearly late| as usual|}.",
        "The car park is {always full|tiny|never has a space}{ in the mornings|}.",
        "{Had to|Needed to} park {a mile away|streets away|on the main road} because the car park was full{ and run in|}.",
        "{Please|Pls} sort out the parking{, it's a real problem for older patients|}.",
    ];

    public static readonly string[] Dirty =
    [
        "The toilets were {dirty|filthy|not clean}{ and there was no soap|}.",
        "{The|Your} waiting room {could do with a clean|was a bit grubby|had overflowing bins}.",
    ];

    public static readonly string[] NoAppointments =
    [
        "No appointments {for three weeks|for a fortnight|until next month}{ with my usual doctor|}.",
        "{Couldn't|Can't} get an appointment {with my own GP|for weeks|this side of Christmas}.",
        "The next available appointment was {a month|three weeks|17 days} away.",
        "{Every|Each} clinic {seems|is} fully booked{, it feels short staffed|}.",
    ];

    public static readonly string[] ClinicWait =
    [
        "{Waited|I waited} [cmin] minutes past my appointment time{ with no explanation|}.",
        "Sat in the waiting room for [cmin] minutes{, nobody told us why|}.",
        "{The|My} appointment was running [cmin] minutes late{ and nobody said anything|}.",
    ];

    public static readonly string[] ResultsSlow =
    [
        "Still waiting for my {blood test|scan} results after {two weeks|ten days|a month}.",
        "Nobody told me my results were back{, I had to chase them|}.",
    ];

    // ---- the ends of comments

    public static readonly string[] CloseBad =
    [
        "Not good enough.", "Really disappointed.", "Sort it out.", "I'm looking at other practices.", "Used to be so much better.",
        "Shocking for a healthcare provider.", "Absolutely ridiculous.", "This is not patient care.",
        "{I'll|I will} be moving to another clinic{ if this carries on|}.", "How is this acceptable?", "Very frustrating.",
        "{Won't|Will not} be recommending you.", "Please fix this.", "Fed up.",
    ];

    public static readonly string[] CloseGood =
    [
        "Thank you!", "Keep it up.", "Highly recommend.", "Couldn't ask for more.", "Five stars.", "Brilliant as always.",
        "Really grateful.", "{Would|Would definitely} recommend.", "Thanks again.", "Great clinic.",
    ];

    public static readonly string[] CloseMiddling = ["Overall OK.", "Mostly fine.", "Could be better.", "Not bad.", "Fine otherwise."];

    public static readonly string[] GenericBad =
    [
        "{Not|Not at all} what it used to be.", "{Poor|Very poor} experience{ overall|}.", "{Disappointing|Really disappointing} {service|visit}.",
        "Nobody seems to care anymore.", "{Felt|I felt} like a number.",
    ];

    public static readonly string[] GenericGood =
    [
        "{Excellent|Great|Brilliant|Fantastic} service{ as always|}.", "All good, thank you.", "{Very|Really} happy with my care.",
        "{Always|Every time} a good experience.", "{Great|Excellent} care{ from start to finish|}.",
    ];

    public static readonly string[] GenericMiddling = ["Fine.", "It was ok.", "Average.", "Did the job.", "{Ok|Okay} I suppose."];

    // ---- short CSAT remarks

    public static readonly string[] CsatGood =
    [
        "{Quick|Quick and easy|Sorted quickly}{, thanks|, thank you|}.", "{Very|Really} helpful{, thank you|}.",
        "{Lovely|Very friendly} {lady|man|guy}{, sorted in minutes|, really patient with me|}.", "{Great|Good|Excellent} service{ as always|}.",
        "Helpful and polite{, thanks|}.", "{All|Everything} sorted{ first time|}.", "Friendly and quick.",
        "{She|He} {knew exactly what to do|sorted it straight away|explained everything clearly}.",
        "{Booked|Rebooked} {in two minutes|with no fuss|straight away}{, thank you|}.", "{No problems|No complaints}{ at all|}.",
        "{Very|So} {efficient|easy}{, thanks|}.", "{Got|Found} a slot {the same day|for tomorrow|that suits me}{, brilliant|}.",
    ];

    public static readonly string[] CsatMiddling =
    [
        "{Ok|OK} but {took a while|took ages} to get through.", "Fine once I got through.", "Took a while.",
        "{Sorted|Got there} in the end.", "Helpful but {slow|too many steps}.",
    ];

    // ---- public posts

    /// <summary>How a complaint is framed as a post; <c>~</c> is the complaint.</summary>
    public static readonly string[] SocialFrame =
    [
        "@NorthfieldHealth ~", "~ @NorthfieldHealth", "~ #NorthfieldHealth", "Come on @NorthfieldHealth. ~",
        "~ Sort it out @NorthfieldHealth", "Anyone else having this with Northfield Health? ~", "~",
    ];

    public static readonly string[] SocialPraise =
    [
        "Shout out to the nurses at [clinic], absolute stars.",
        "{Big|Huge} thanks to the team at Northfield [clinic] for looking after my {mum|dad|little one} today.",
        "The staff at Northfield [clinic] are {brilliant|amazing|so kind}, {never had a bad experience|always so friendly}.",
        "Booked my blood test on the @NorthfieldHealth app in two minutes. {Easy|So easy}.",
        "{Seen|Seen on time} at [clinic] today, {lovely nurse|really friendly staff}. {Thank you|Thanks} @NorthfieldHealth",
    ];

    public static readonly string[] SocialPhone =
    [
        "{Been|} on hold [min] mins {again|now}, is anyone actually there?",
        "Anyone else given up trying to phone Northfield Health? The new phone menu is hopeless.",
        "Press 1, press 3, cut off. Every time.",
        "{Day 3|Third day} of trying to get through {for an appointment|to get my results}. {Ridiculous|Joke|Unreal}.",
        "[min] minutes in the phone queue to [task]. {Seriously|Really}?",
        "{Who|Whoever} designed the new phone menu needs to try using it with a sick child.",
    ];

    // ---- reviews

    public static readonly string[] ReviewOpenBad =
    [
        "{Avoid|Avoid if you can}.", "Great clinic, awful phones.", "Used to be good.", "{Terrible|Shocking} phone service.",
        "{One|1} star is generous.", "{Really|Very} disappointed.", "What has happened to this place?",
    ];

    public static readonly string[] ReviewOpenMiddling = ["Mixed experience.", "Good care, poor admin.", "Decent clinic.", "{Ok|OK} overall."];

    public static readonly string[] ReviewOpenFour = ["Good clinic.", "Mostly good.", "{Good|Great} care{ on the whole|}.", "Happy overall."];

    public static readonly string[] ReviewOpenGood =
    [
        "{Fantastic|Brilliant|Excellent} clinic.", "{Couldn't fault them|Can't fault them}.", "{Great|Lovely} practice.",
        "Best {GP practice|clinic} I've been with.",
    ];

    // ---- after the patient-experience team answered a review

    public static readonly string[] AfterCaringReply =
    [
        "{Thanks|Thank you} for calling me back after my review, {the appointment is sorted|it made a real difference|that's how it should be done}.",
        "{Someone|The patient experience team} {rang|called} me {the same day|the next morning} and {sorted it|rebooked me}. {Impressed|Much better|Really appreciated}.",
        "{Really|So} glad someone finally listened{ and called me|}. {Thank you|Thanks}.",
        "The lady from the patient experience team was {lovely|very kind|so helpful} and sorted everything out.",
    ];

    public static readonly string[] AfterCurtReply =
    [
        "{Your|The} reply to my review {told me|said} to {use the website|contact you}, which is exactly what I'd been trying to do.",
        "Got a {copy and paste|generic} reply to my review and nothing else.",
        "Still no {response|call back} apart from a {generic|canned} reply{ online|}.",
        "{Nobody|No one} actually got in touch after my review.",
    ];
}
