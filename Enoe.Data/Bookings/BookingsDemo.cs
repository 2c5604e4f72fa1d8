using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.Bookings;

/// <summary>
/// Rooms and equipment of the schools that run bookings, the académie's holidays, and a month of
/// bookings made for real lessons of the timetable: technology (or NSI) in the computer room every
/// week as a series, tablets shared by two classes up to the chariot's 15, a projector, the
/// science kits, the direction's meetings in the hall (and one refusal), a student booking the CDI
/// in a free period, and one request waiting for approval next week. Never two bookings beyond a
/// resource's units at once. The computer room is left free next week, for visitors to book it.
/// </summary>
internal sealed class BookingsDemo(DemoWorld world, DemoTimetable timetable, Random random)
{
    private readonly List<Booking> _bookings = [];

    public static IEnumerable<HolidayPeriod> Holidays(DemoCalendar calendar) =>
        calendar.Holidays.Select(h => new HolidayPeriod
        {
            Name = h.Name,
            From = h.From,
            To = h.To,
        });

    public static List<BookableResource> Resources(int schoolId)
    {
        var rooms = new ResourceCategory { SchoolId = schoolId, Name = "Salles" };
        var equipment = new ResourceCategory { SchoolId = schoolId, Name = "Matériel pédagogique" };
        return
        [
            new()
            {
                SchoolId = schoolId,
                Category = rooms,
                Name = "Salle informatique B12",
                Description = "28 postes, vidéoprojecteur.",
            },
            new()
            {
                SchoolId = schoolId,
                Category = rooms,
                Name = "Salle polyvalente",
                NeedsApproval = true,
                Description = "Réunions, théâtre, examens : validée par la direction.",
            },
            new()
            {
                SchoolId = schoolId,
                Category = rooms,
                Name = "CDI – espace de travail",
                BookableBy = Profile.Personnel | Profile.Student,
            },
            new()
            {
                SchoolId = schoolId,
                Category = equipment,
                Name = "Chariot de tablettes",
                Kind = ResourceKind.Equipment,
                Units = 15,
                Description = "15 tablettes, chargées chaque soir.",
            },
            new()
            {
                SchoolId = schoolId,
                Category = equipment,
                Name = "Vidéoprojecteur mobile",
                Kind = ResourceKind.Equipment,
                Units = 3,
            },
            new()
            {
                SchoolId = schoolId,
                Category = equipment,
                Name = "Mallette de capteurs ExAO",
                Kind = ResourceKind.Equipment,
                Units = 4,
            },
        ];
    }

    public List<Booking> Build(DemoWorld.SchoolInfo school, IReadOnlyList<BookableResource> resources, int studentId)
    {
        BookableResource R(string start) => resources.First(r => r.Name.StartsWith(start, StringComparison.Ordinal));
        var calendar = world.Calendar;
        // Up to the end of this week, and next week apart: a school on holiday next week (or now) simply has fewer.
        var month = calendar.SchoolDays(calendar.From, calendar.NextMonday.AddDays(-1)).ToList();
        var nextWeek = calendar.SchoolDays(calendar.NextMonday, calendar.NextFriday).ToList();
        var classes = world.Classes.Where(c => c.SchoolId == school.Id).ToList();
        var teachings = world.Teachings.Where(t => t.Audience.SchoolId == school.Id).ToList();
        var head = world.Staff(school.Id, school.Kind == Schools.SchoolKind.College ? "Principal" : "Proviseur");
        var studentClass = classes.First(c => c.Students.Contains(studentId));

        // Technology (NSI at the lycée) in the computer room, one weekly series per class of a teacher.
        var computing = teachings.Where(t => t.Subject is "TECHNO" or "NSI").ToList();
        foreach (var teaching in computing.Where(t => t.TeacherId == computing[0].TeacherId))
        {
            var series = NewGuid();
            foreach (var day in month)
            foreach (var lesson in timetable.On(day, teaching))
                Lesson(R("Salle informatique"), teaching, day, lesson, "Travail sur poste", series: series);
        }
        if (month.Count == 0 || nextWeek.Count == 0)
            return _bookings;
        // Now and then, in past weeks: a class in the computer room, tablets, the projector, the science kits.
        foreach (
            var (subject, resource, units, reason) in new[]
            {
                ("MATHS", "Salle informatique", 1, "Tableur : feuille de calcul"),
                ("HG", "Vidéoprojecteur", 1, "Diaporama et vidéo"),
                ("SVT", "Chariot de tablettes", 8, "Observation au microscope numérique"),
                ("ANG", "Chariot de tablettes", 7, "Compréhension orale en autonomie"),
                ("PC", "Mallette", 2, "TP : mesures avec capteurs"),
                ("FRAN", "Vidéoprojecteur", 1, "Lecture d'images"),
            }
        )
        foreach (var teaching in teachings.Where(t => t.Subject == subject && t.Audience.ClassId is not null).Take(4))
        {
            var day = month[random.Next(month.Count)];
            foreach (var lesson in timetable.On(day, teaching).Take(1))
                Lesson(R(resource), teaching, day, lesson, reason, units);
        }
        // Next week: the named student's maths class on tablets, science kits, a projector, and a student in the CDI.
        var maths = teachings.First(t => t.Subject == "MATHS" && t.Audience == studentClass);
        foreach (var day in nextWeek)
        foreach (var lesson in timetable.On(day, maths).Take(1))
            Lesson(R("Chariot de tablettes"), maths, day, lesson, "Exercices en ligne", 8);
        foreach (
            var (subject, resource, units, reason) in new[]
            {
                ("PC", "Mallette", 2, "TP : mesures avec capteurs"),
                ("HG", "Vidéoprojecteur", 1, "Projection d'un documentaire"),
            }
        )
        {
            var teaching = teachings.First(t => t.Subject == subject && t.Audience == studentClass);
            var day = nextWeek.FirstOrDefault(d => timetable.On(d, teaching).Any());
            if (day != default)
                Lesson(R(resource), teaching, day, timetable.On(day, teaching).First(), reason, units);
        }
        var free = nextWeek
            .SelectMany(day => school.Slots.Select((slot, i) => (day, i, slot)))
            .FirstOrDefault(c =>
                c.slot.EndsAt < new TimeOnly(17, 0)
                && timetable.ClassFree(studentClass.ClassId!.Value, DemoTimetable.DayIndex(c.day), c.i)
            );
        if (free.day != default)
            Add(
                R("CDI"),
                studentId,
                null,
                free.day,
                free.slot.StartsAt,
                free.slot.EndsAt,
                1,
                "Préparer l'exposé en groupe",
                BookingStatus.Approved
            );

        // The hall: the direction's meetings (decided at once), a refused request, one waiting for approval next week.
        var hall = R("Salle polyvalente");
        foreach (var (c, i) in classes.Select((c, i) => (c, i)).Where(x => x.i % 3 == 0))
        {
            var day = month[Math.Min(month.Count - 1, month.Count / 2 + i / 3)];
            Add(
                hall,
                head,
                c.ClassId,
                day,
                new(17, 30),
                new(18, 30),
                1,
                $"Conseil de classe de {c.Name}",
                BookingStatus.Approved,
                head
            );
        }
        var drama = teachings.First(t => t.Subject == "FRAN" && t.Audience.ClassId is not null).TeacherId;
        Add(
            hall,
            drama,
            null,
            month[^3],
            new(16, 0),
            new(17, 30),
            1,
            "Répétition de l'atelier théâtre",
            BookingStatus.Refused,
            head
        );
        Add(
            hall,
            drama,
            null,
            nextWeek[^1],
            new(16, 0),
            new(17, 30),
            1,
            "Répétition de l'atelier théâtre",
            BookingStatus.Pending
        );
        return _bookings;
    }

    private void Lesson(
        BookableResource resource,
        DemoWorld.Teaching teaching,
        DateOnly day,
        DemoTimetable.Lesson lesson,
        string reason,
        int units = 1,
        Guid? series = null
    ) =>
        Add(
            resource,
            teaching.TeacherId,
            teaching.Audience.ClassId,
            day,
            lesson.StartsAt,
            lesson.EndsAt,
            units,
            reason,
            BookingStatus.Approved,
            series: series
        );

    /// <summary>
    /// Adds a booking unless the resource has not enough units left over that period (the rule the service enforces).
    /// </summary>
    private void Add(
        BookableResource resource,
        int personId,
        int? classId,
        DateOnly day,
        TimeOnly from,
        TimeOnly to,
        int units,
        string reason,
        BookingStatus status,
        int? decidedBy = null,
        Guid? series = null
    )
    {
        var (start, end) = (DemoWorld.Utc(day, from), DemoWorld.Utc(day, to));
        var holding = status is BookingStatus.Pending or BookingStatus.Approved;
        var overlapping = _bookings
            .Where(b =>
                b.Resource == resource && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start
            )
            .ToList();
        if (holding && overlapping.Sum(b => b.Units) + units > resource.Units)
            return; // a conservative peak: never more than the units
        var created = start.AddDays(-2 - random.Next(5));
        if (created > world.Now)
            created = world.Now.AddHours(-1);
        _bookings.Add(
            new Booking
            {
                SchoolId = resource.SchoolId,
                Resource = resource,
                PersonId = personId,
                SchoolClassId = classId,
                StartsAt = start,
                EndsAt = end,
                Units = units,
                Reason = reason,
                Status = status,
                SeriesId = series,
                CreatedAt = created,
                DecidedById = decidedBy,
                DecidedAt = decidedBy is null ? null : created.AddHours(3),
            }
        );
    }

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
