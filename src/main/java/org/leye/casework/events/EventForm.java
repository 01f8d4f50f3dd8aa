package org.leye.casework.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.leye.casework.web.StrippedForm;
import org.springframework.format.annotation.DateTimeFormat;

/** The page's form of a group event: the graduates ticked from the inbox and a pasted list. */
@StrippedForm
class EventForm {

    @NotNull
    private EventKind kind = EventKind.GUIDANCE;
    @NotNull
    @PastOrPresent
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @NotBlank
    @Size(max = 200)
    private String title;
    @Size(max = 200)
    private String place;
    private List<Long> graduateIds = new ArrayList<>();
    @Size(max = 20_000)
    private String pasted;

    static EventForm on(LocalDate day) {
        EventForm form = new EventForm();
        form.date = day;
        return form;
    }

    RecordGroupEvent command(List<Long> graduates) {
        return new RecordGroupEvent(kind, date, title, place, graduates, null);
    }

    public EventKind getKind() {
        return kind;
    }

    public void setKind(EventKind kind) {
        this.kind = kind;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public List<Long> getGraduateIds() {
        return graduateIds;
    }

    public void setGraduateIds(List<Long> graduateIds) {
        this.graduateIds = graduateIds == null ? new ArrayList<>() : graduateIds;
    }

    public String getPasted() {
        return pasted;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }
}
