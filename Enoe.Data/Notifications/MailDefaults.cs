using Enoe.Data.People;

namespace Enoe.Data.Notifications;

/// <summary>
/// What a person receives by e-mail when nobody chose: parents a daily digest of marks and homework, everyone else
/// nothing (they read ENOE during the day). Then how the layers combine: the person's choice, else the
/// établissement's default for their profile, else the built-in one.
/// </summary>
public static class MailDefaults
{
    public static readonly NotificationCategory[] Categories = Enum.GetValues<NotificationCategory>();

    /// <summary>The profiles whose defaults the direction sets.</summary>
    public static readonly Profile[] Profiles = [Profile.Parent, Profile.Student, Profile.Teacher, Profile.Staff];

    public static MailFrequency BuiltIn(Profile profile, NotificationCategory category) =>
        profile == Profile.Parent && category is NotificationCategory.Marks or NotificationCategory.Homework
            ? MailFrequency.Daily
            : MailFrequency.Never;

    /// <summary>
    /// The default for someone holding <paramref name="profiles"/> in an établissement: the most frequent of their
    /// profiles' (a teacher who is also a parent keeps the parents' digest).
    /// </summary>
    public static MailFrequency ForProfiles(
        Profile profiles,
        NotificationCategory category,
        Func<Profile, NotificationCategory, MailFrequency?> schoolDefault
    )
    {
        var best = MailFrequency.Never;
        foreach (var profile in Profiles.Where(p => profiles.HasFlag(p)))
        {
            var frequency = schoolDefault(profile, category) ?? BuiltIn(profile, category);
            if (frequency < best)
                best = frequency;
        }
        return best;
    }
}
