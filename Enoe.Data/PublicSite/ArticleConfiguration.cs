using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enoe.Data.PublicSite;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.Property(a => a.Title).HasMaxLength(ArticleDraftValidator.TitleMax);
        b.Property(a => a.Slug).HasMaxLength(100);
        b.Property(a => a.Summary).HasMaxLength(ArticleDraftValidator.SummaryMax);
        b.Property(a => a.BodyMarkdown).HasMaxLength(ArticleDraftValidator.BodyMax);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new
            {
                a.SchoolId,
                a.Kind,
                a.Slug,
            })
            .IsUnique();
        b.HasIndex(a => new
        {
            a.SchoolId,
            a.Kind,
            a.Status,
            a.PublishAt,
        });
        b.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
