using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        // Slugs are stored lower-cased by SlugGenerator, so a plain unique index is case-insensitive in effect
        // for every script (SQLite's NOCASE only folds ASCII).
        builder.Property(t => t.Slug).HasMaxLength(200);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Navigation(t => t.Exercises).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
