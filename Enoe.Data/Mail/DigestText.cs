using Enoe.Data.Notifications;

namespace Enoe.Data.Mail;

/// <summary>The words of e-mails for each category: its name and its count ("3 devoirs").</summary>
public static class DigestText
{
    public static string Name(NotificationCategory category) =>
        category switch
        {
            NotificationCategory.Memos => MailMessages.Category_Memos,
            NotificationCategory.Homework => MailMessages.Category_Homework,
            NotificationCategory.Marks => MailMessages.Category_Marks,
            NotificationCategory.Assignments => MailMessages.Category_Assignments,
            NotificationCategory.Bookings => MailMessages.Category_Bookings,
            NotificationCategory.News => MailMessages.Category_News,
            NotificationCategory.Timetable => MailMessages.Category_Timetable,
            _ => MailMessages.Category_SchoolLife,
        };

    public static string Count(NotificationCategory category, int count) =>
        (category, count == 1) switch
        {
            (NotificationCategory.Memos, true) => MailMessages.Count_Memos_One,
            (NotificationCategory.Memos, false) => MailMessages.FormatCount_Memos_Many(count),
            (NotificationCategory.Homework, true) => MailMessages.Count_Homework_One,
            (NotificationCategory.Homework, false) => MailMessages.FormatCount_Homework_Many(count),
            (NotificationCategory.Marks, true) => MailMessages.Count_Marks_One,
            (NotificationCategory.Marks, false) => MailMessages.FormatCount_Marks_Many(count),
            (NotificationCategory.Assignments, true) => MailMessages.Count_Assignments_One,
            (NotificationCategory.Assignments, false) => MailMessages.FormatCount_Assignments_Many(count),
            (NotificationCategory.Bookings, true) => MailMessages.Count_Bookings_One,
            (NotificationCategory.Bookings, false) => MailMessages.FormatCount_Bookings_Many(count),
            (NotificationCategory.News, true) => MailMessages.Count_News_One,
            (NotificationCategory.News, false) => MailMessages.FormatCount_News_Many(count),
            (NotificationCategory.Timetable, true) => MailMessages.Count_Timetable_One,
            (NotificationCategory.Timetable, false) => MailMessages.FormatCount_Timetable_Many(count),
            (_, true) => MailMessages.Count_SchoolLife_One,
            _ => MailMessages.FormatCount_SchoolLife_Many(count),
        };
}
