"""The minutes' lifecycle: a body may share draft minutes; minutes are draft or approved,
published being Wagtail's own state; a decision names one of the agenda items."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('networks', '0008_document_approval'),
    ]

    operations = [
        migrations.AddField(
            model_name='bodypage',
            name='shares_draft_minutes',
            field=models.BooleanField(default=False, help_text='Draft minutes may be published to their readers before they are approved at the next meeting, labelled as a draft. Otherwise minutes are published once approved.', verbose_name='shares draft minutes'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='agenda_item_number',
            field=models.PositiveSmallIntegerField(help_text='The agenda item on which the decision was made.', verbose_name='agenda item'),
        ),
        migrations.AlterField(
            model_name='minutespage',
            name='status',
            field=models.CharField(choices=[('draft', 'Draft'), ('approved', 'Approved')], default='draft', max_length=10, verbose_name='minutes status'),
        ),
    ]
