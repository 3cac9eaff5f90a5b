package dev.stoa.command.learning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.stoa.api.learning.CheckLessonMediaUpload;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.LessonId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.web.Commands;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** An upload the course refuses (a stranger's, a quiz lesson's) never reaches the content store. */
class LessonMediaControllerTest {

    @Test
    void anUploadTheCourseRefusesIsNeverStored() throws Exception {
        Commands commands = mock(Commands.class);
        MediaStore store = mock(MediaStore.class);
        when(commands.send(any(CheckLessonMediaUpload.class))).thenThrow(DomainException.notFound("course"));
        LessonMediaController controller = new LessonMediaController(commands, store, DataSize.ofMegabytes(1));
        byte[] mp4 = new byte[4096];
        byte[] head = HexFormat.of().parseHex("0000001866747970" + "69736f6d" + "00000200" + "69736f6d69736f32");
        System.arraycopy(head, 0, mp4, 0, head.length);
        Actor stranger = new Actor("someone-else", Set.of(Roles.INSTRUCTOR));

        MockMultipartFile file = new MockMultipartFile("file", "a.mp4", "video/mp4", mp4);
        org.springframework.mock.web.MockMultipartHttpServletRequest request = new org.springframework.mock.web.MockMultipartHttpServletRequest();
        request.addFile(file);
        request.addPart(new org.springframework.mock.web.MockPart("file", "a.mp4", mp4));
        assertThatThrownBy(() -> controller.upload(CourseId.random(), LessonId.random(), file, stranger, request))
                .isInstanceOf(DomainException.class).hasMessage("course not found");
        verify(store, never()).put(anyString(), any(InputStream.class), anyLong(), anyString());
    }
}
