using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.HasKey(s => s.Writer);
        builder.Property(s => s.Writer).HasMaxLength(ChangeStamp.WriterMaxLength);
    }
}
