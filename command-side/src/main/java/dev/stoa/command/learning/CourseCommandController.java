package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.identity.RoleHolders;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Courses and their lessons: created, edited, published and archived by their instructor or an admin. */
@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "Courses")
class CourseCommandController {
    private final Commands commands;
    private final RoleHolders roleHolders;

    CourseCommandController(Commands commands, RoleHolders roleHolders) {
        this.commands = commands;
        this.roleHolders = roleHolders;
    }

    /** The new course. */
    record CreatedCourse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String courseId) {}

    @PostMapping
    @Operation(operationId = "createCourse", summary = "Create a draft course (instructor for itself, admin for an instructor)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedCourse> create(@Valid @RequestBody CourseRequest body, Actor actor) {
        CourseId id = CourseId.random();
        UserId instructor = new UserId(body.instructorId() != null ? body.instructorId() : actor.userId());
        if (!instructor.value().equals(actor.userId()) && actor.isAdmin())
            roleHolders.require(instructor, Roles.INSTRUCTOR, ErrorCode.UNKNOWN_INSTRUCTOR, "instructorId");
        commands.send(new CreateCourse(id, instructor, body.details(), actor));
        return ResponseEntity.created(URI.create("/api/v1/courses/" + id)).body(new CreatedCourse(id.value()));
    }

    @PutMapping("/{courseId}")
    @Operation(operationId = "updateCourse", summary = "Replace a course's fields (its instructor or an admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> update(@PathVariable CourseId courseId, @Valid @RequestBody CourseRequest body, Actor actor) {
        commands.send(new UpdateCourse(courseId, body.details(), actor,
                body.instructorId() == null ? null : new UserId(body.instructorId())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{courseId}/publish")
    @Operation(operationId = "publishCourse", summary = "Publish a draft course; it needs at least one published lesson")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> publish(@PathVariable CourseId courseId, Actor actor) {
        commands.send(new PublishCourse(courseId, actor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{courseId}")
    @Operation(operationId = "archiveCourse", summary = "Archive a course: no new enrollments, out of lists and search; nothing is deleted")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> archive(@PathVariable CourseId courseId, Actor actor) {
        commands.send(new ArchiveCourse(courseId, actor));
        return ResponseEntity.noContent().build();
    }

    /** The new lesson. */
    record CreatedLesson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String lessonId) {}

    @PostMapping("/{courseId}/lessons")
    @Operation(operationId = "addLesson", summary = "Add a draft lesson to a course (its instructor or an admin)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedLesson> addLesson(@PathVariable CourseId courseId, @Valid @RequestBody LessonRequest body,
                                                  Actor actor) {
        LessonId id = LessonId.random();
        commands.send(new AddLesson(courseId, id, body.details(), actor));
        return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/lessons/" + id))
                .body(new CreatedLesson(id.value()));
    }

    @PutMapping("/{courseId}/lessons/{lessonId}")
    @Operation(operationId = "updateLesson", summary = "Replace a lesson's fields (the course's instructor or an admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> updateLesson(@PathVariable CourseId courseId, @PathVariable LessonId lessonId,
                                      @Valid @RequestBody LessonRequest body, Actor actor) {
        commands.send(new UpdateLesson(courseId, lessonId, body.details(), actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{courseId}/lessons/{lessonId}/publish")
    @Operation(operationId = "publishLesson", summary = "Publish a lesson: visible to the course's students, counted in progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> publishLesson(@PathVariable CourseId courseId, @PathVariable LessonId lessonId, Actor actor) {
        commands.send(new PublishLesson(courseId, lessonId, actor));
        return ResponseEntity.noContent().build();
    }
}
