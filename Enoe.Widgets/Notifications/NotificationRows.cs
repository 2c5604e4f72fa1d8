using Enoe.Data.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Enoe.Widgets.Notifications;

/// <summary>
/// A notification's line, shared by the feed page and the widget: rows as markup (no component per row), each a link
/// that opens the thing and marks it read through the service.
/// </summary>
internal static class NotificationRows
{
    public static string KindText(NotificationKind kind) =>
        kind switch
        {
            NotificationKind.MemoReceived => NotificationsText.Kind_MemoReceived,
            NotificationKind.HomeworkSet => NotificationsText.Kind_HomeworkSet,
            NotificationKind.HomeworkChanged => NotificationsText.Kind_HomeworkChanged,
            NotificationKind.MarksPublished => NotificationsText.Kind_MarksPublished,
            NotificationKind.SkillsAssessed => NotificationsText.Kind_SkillsAssessed,
            NotificationKind.CopyReturned => NotificationsText.Kind_CopyReturned,
            NotificationKind.AssignmentDueTomorrow => NotificationsText.Kind_AssignmentDueTomorrow,
            NotificationKind.BookingApproved => NotificationsText.Kind_BookingApproved,
            NotificationKind.BookingRefused => NotificationsText.Kind_BookingRefused,
            NotificationKind.NewsPublished => NotificationsText.Kind_NewsPublished,
            NotificationKind.LessonCancelled => NotificationsText.Kind_LessonCancelled,
            NotificationKind.LessonMoved => NotificationsText.Kind_LessonMoved,
            NotificationKind.RoomChanged => NotificationsText.Kind_RoomChanged,
            NotificationKind.AbsenceRecorded => NotificationsText.Kind_AbsenceRecorded,
            NotificationKind.LatenessRecorded => NotificationsText.Kind_LatenessRecorded,
            NotificationKind.JustificationAccepted => NotificationsText.Kind_JustificationAccepted,
            NotificationKind.JustificationRefused => NotificationsText.Kind_JustificationRefused,
            _ => kind.ToString(),
        };

    public static string CategoryText(NotificationCategory category) =>
        category switch
        {
            NotificationCategory.Memos => NotificationsText.Category_Memos,
            NotificationCategory.Homework => NotificationsText.Category_Homework,
            NotificationCategory.Marks => NotificationsText.Category_Marks,
            NotificationCategory.Assignments => NotificationsText.Category_Assignments,
            NotificationCategory.Bookings => NotificationsText.Category_Bookings,
            NotificationCategory.News => NotificationsText.Category_News,
            NotificationCategory.Timetable => NotificationsText.Category_Timetable,
            NotificationCategory.SchoolLife => NotificationsText.Category_SchoolLife,
            _ => category.ToString(),
        };

    public static RenderFragment Rows(
        object receiver,
        IEnumerable<NotificationView> items,
        Func<NotificationView, Task> open,
        string label
    ) =>
        builder =>
        {
            builder.OpenElement(0, "ul");
            builder.AddAttribute(1, "class", "enoe-rows enoe-feed");
            builder.AddAttribute(2, "aria-label", label);
            foreach (var n in items)
            {
                builder.OpenElement(3, "li");
                builder.SetKey(n.Id != 0 ? n.Id : n.Source); // a line a live delivery added has no id yet
                builder.AddAttribute(4, "class", "enoe-row" + (n.Read ? "" : " enoe-unread"));
                builder.OpenElement(5, "a");
                builder.AddAttribute(6, "href", n.Link);
                var click = EventCallback.Factory.Create<MouseEventArgs>(receiver, () => open(n));
                builder.AddAttribute(7, "onclick", click);
                builder.AddEventPreventDefaultAttribute(8, "onclick", true);
                Line(builder, n);
                builder.CloseElement();
                builder.CloseElement();
            }
            builder.CloseElement();
        };

    private static void Line(RenderTreeBuilder builder, NotificationView n)
    {
        builder.OpenElement(10, "strong");
        builder.AddContent(11, KindText(n.Kind));
        builder.CloseElement();
        if (n.ChildFirstName is { } child)
        {
            builder.OpenElement(12, "span");
            builder.AddAttribute(13, "class", "enoe-chip-text");
            builder.AddContent(14, child);
            builder.CloseElement();
        }
        builder.OpenElement(15, "span");
        builder.AddAttribute(16, "lang", "fr");
        builder.AddContent(17, " " + n.Title);
        builder.CloseElement();
        builder.OpenElement(18, "span");
        builder.AddAttribute(19, "class", "enoe-muted");
        builder.AddContent(20, " · " + Data.Common.SchoolTime.ToLocal(n.VisibleAt).ToString("HH:mm"));
        builder.CloseElement();
        if (!n.Read)
        {
            builder.OpenElement(21, "span");
            builder.AddAttribute(22, "class", "enoe-sr-only");
            builder.AddContent(23, NotificationsText.Unread);
            builder.CloseElement();
        }
    }
}
