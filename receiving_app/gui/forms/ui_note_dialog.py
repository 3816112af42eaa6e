# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'note_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

class Ui_NoteDialog(object):
    def setupUi(self, NoteDialog):
        if not NoteDialog.objectName():
            NoteDialog.setObjectName(u"NoteDialog")
        NoteDialog.resize(620, 240)
        self.noteLayout = QVBoxLayout(NoteDialog)
        self.noteLayout.setObjectName(u"noteLayout")
        self.promptLabel = QLabel(NoteDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setWordWrap(True)

        self.noteLayout.addWidget(self.promptLabel)

        self.noteEdit = QLineEdit(NoteDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.addWidget(self.noteEdit)

        self.messageLabel = QLabel(NoteDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.noteLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(NoteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.noteLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.promptLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoteDialog)

        QMetaObject.connectSlotsByName(NoteDialog)
    # setupUi

    def retranslateUi(self, NoteDialog):
        NoteDialog.setWindowTitle(QCoreApplication.translate("NoteDialog", u"Note", None))
        self.promptLabel.setText("")
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Confirm or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

